import type { Db } from './database.js';
import { installationKey } from './installations.js';

export interface Workspace {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  /** An org-wide install: forget every workspace of the organisation. */
  isEnterpriseInstall?: boolean | undefined;
}

export interface ForgetReport {
  installations: number;
  subscriptions: number;
  deliveries: number;
}

/**
 * Deletes everything stored for a workspace (its installation, subscriptions, delivery records,
 * fact cycle and event claims) in one transaction, for app_uninstalled and tokens_revoked.
 */
export async function forgetWorkspace(db: Db, w: Workspace): Promise<ForgetReport> {
  return db.transaction().execute(async (tx) => {
    let teams: string[] = [];
    if (w.isEnterpriseInstall && w.enterpriseId) {
      const rows = await tx
        .selectFrom('subscriptions')
        .select('team_id')
        .distinct()
        .where('enterprise_id', '=', w.enterpriseId)
        .execute();
      teams = rows.map((r) => r.team_id);
    } else if (w.teamId) {
      teams = [w.teamId];
    }
    // Questions, votes and counts: by workspace, and for an org-wide install by organisation.
    for (const table of ['feedback', 'question_log', 'question_stats'] as const) {
      if (w.isEnterpriseInstall && w.enterpriseId) {
        await tx.deleteFrom(table).where('enterprise_id', '=', w.enterpriseId).execute();
      }
      if (teams.length > 0) await tx.deleteFrom(table).where('team_id', 'in', teams).execute();
    }
    const key = installationKey(w);
    const installations = key
      ? Number((await tx.deleteFrom('installations').where('id', '=', key).executeTakeFirst()).numDeletedRows)
      : 0;
    if (teams.length === 0) return { installations, subscriptions: 0, deliveries: 0 };
    const deliveries = Number(
      (await tx.deleteFrom('deliveries').where('team_id', 'in', teams).executeTakeFirst()).numDeletedRows,
    );
    await tx.deleteFrom('fact_cycle').where('team_id', 'in', teams).execute();
    await tx.deleteFrom('event_claims').where('team_id', 'in', teams).execute();
    const subscriptions = Number(
      (await tx.deleteFrom('subscriptions').where('team_id', 'in', teams).executeTakeFirst()).numDeletedRows,
    );
    return { installations, subscriptions, deliveries };
  });
}
