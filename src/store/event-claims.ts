import type { EventDedupe } from '../slack/dedupe.js';
import type { Db } from './database.js';

/**
 * Event de-duplication through the database, so a re-delivered event is answered once even
 * when the retry reaches another process or arrives after a restart.
 */
export function databaseDedupe(
  db: Db,
  now: () => Date = () => new Date(),
  keepMs = 24 * 3600_000,
): EventDedupe {
  let claims = 0;
  return {
    async claim(teamId, key) {
      const at = now();
      if (++claims % 500 === 0) {
        const cutoff = new Date(at.getTime() - keepMs).toISOString();
        await db.deleteFrom('event_claims').where('claimed_at', '<', cutoff).execute();
      }
      const inserted = await db
        .insertInto('event_claims')
        .values({ key: `${teamId}|${key}`, team_id: teamId, claimed_at: at.toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      return inserted !== undefined;
    },
  };
}
