import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Db } from './database.js';
import type { TokenCipher } from './token-cipher.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** Where a workspace's installation is filed: its org for an org-wide install, else its team. */
export function installationKey(q: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string | undefined {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  if (q.teamId) return `T:${q.teamId}`;
  if (q.enterpriseId) return `E:${q.enterpriseId}`;
  return undefined;
}

export interface Installations extends InstallationStore {
  /** The bot token for a workspace (its own install, or its org's), or undefined if not installed. */
  botToken(teamId: string, enterpriseId: string | null): Promise<string | undefined>;
}

/**
 * Bolt's installation store on our database. The whole installation, tokens included, is stored
 * encrypted; only the ids needed to find and delete it are stored in clear.
 */
export function databaseInstallations(
  db: Db,
  cipher: TokenCipher,
  now: () => Date = () => new Date(),
): Installations {
  async function find(key: string): Promise<AnyInstallation | undefined> {
    const row = await db
      .selectFrom('installations')
      .select('secret')
      .where('id', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(cipher.decrypt(row.secret, key)) as AnyInstallation) : undefined;
  }
  async function lookup(q: InstallationQuery<boolean>): Promise<AnyInstallation | undefined> {
    const key = installationKey(q);
    const found = key ? await find(key) : undefined;
    // A workspace of an org with an org-wide install has no install of its own.
    if (!found && q.enterpriseId && key !== `E:${q.enterpriseId}`) return find(`E:${q.enterpriseId}`);
    return found;
  }
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const key = installationKey({ teamId, enterpriseId, isEnterpriseInstall });
      if (!key) throw new Error('installation has neither a team nor an enterprise id');
      const at = now().toISOString();
      const secret = cipher.encrypt(JSON.stringify(installation), key);
      await db
        .insertInto('installations')
        .values({
          id: key,
          team_id: isEnterpriseInstall ? null : (teamId ?? null),
          enterprise_id: enterpriseId ?? null,
          is_enterprise_install: isEnterpriseInstall ? 1 : 0,
          secret,
          installed_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet({ secret, updated_at: at }))
        .execute();
    },
    async fetchInstallation(query) {
      const found = await lookup(query);
      if (!found) throw new Error(`no installation for ${installationKey(query) ?? 'an unknown workspace'}`);
      return found;
    },
    async deleteInstallation(query) {
      const key = installationKey(query);
      if (key) await db.deleteFrom('installations').where('id', '=', key).execute();
    },
    async botToken(teamId, enterpriseId) {
      const found = await lookup({
        teamId,
        enterpriseId: enterpriseId ?? undefined,
        isEnterpriseInstall: false,
      });
      return found?.bot?.token;
    },
  };
}
