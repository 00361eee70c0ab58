/**
 * One contract for the data layer, run against SQLite (a real file) and PostgreSQL (the real
 * server, a fresh schema per test). Claims are raced through two separate connections, as two
 * processes would.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { curationStore } from '../../src/store/curation-store.js';
import {
  connectDatabase,
  type DatabaseTarget,
  type Db,
  migrate,
  openDatabase,
} from '../../src/store/database.js';
import { digestStore, subscriptionId } from '../../src/store/digest-store.js';
import { databaseDedupe } from '../../src/store/event-claims.js';
import { databaseInstallations } from '../../src/store/installations.js';
import { tokenCipher } from '../../src/store/token-cipher.js';
import { forgetWorkspace } from '../../src/store/workspaces.js';
import { tempDbPath } from '../helpers/bot.js';
import { freshSchema, skipPostgres } from '../helpers/postgres.js';

interface Backend {
  /** A new, empty database; both handles of a pair reach the same one. */
  fresh(): Promise<DatabaseTarget>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const sqliteBackend: Backend = { fresh: async () => ({ kind: 'sqlite', path: tempDbPath() }) };
const postgresBackend: Backend = {
  async fresh() {
    const schema = await freshSchema('contract');
    cleanups.push(schema.drop);
    return schema.target;
  },
};

async function open(target: DatabaseTarget): Promise<Db> {
  const db = await openDatabase(target);
  cleanups.push(() => db.destroy());
  return db;
}

const now = new Date('2026-06-01T08:00:00.000Z');
const key = Buffer.alloc(32, 9);
const botTokenA = 'xoxb-1111-aaaa-secret-token-a';
const botTokenB = 'xoxb-2222-bbbb-secret-token-b';

function installation(teamId: string | undefined, token: string, enterpriseId?: string, org = false) {
  return {
    team: teamId ? { id: teamId, name: teamId } : undefined,
    enterprise: enterpriseId ? { id: enterpriseId, name: enterpriseId } : undefined,
    isEnterpriseInstall: org,
    bot: { token, scopes: ['chat:write'], id: 'B1', userId: 'U0BOT' },
    user: { id: 'U1', token: undefined, scopes: undefined },
    tokenType: 'bot' as const,
    appId: 'A0NATO',
    authVersion: 'v2' as const,
  };
}

async function subscribe(db: Db, teamId: string, channelId: string, enterpriseId: string | null = null) {
  return digestStore(db).subscribe({
    teamId,
    enterpriseId,
    channelId,
    minutes: 9 * 60,
    zone: 'UTC',
    userId: 'U1',
    startDate: '2026-06-01',
    now,
  });
}

function contract(name: string, backend: Backend): void {
  describe(`data layer on ${name}`, () => {
    it('migrates a new database, and again on every later open without change', async () => {
      const target = await backend.fresh();
      const a = await open(target);
      await subscribe(a, 'T1', 'C1');
      const b = await open(target);
      expect(await digestStore(b).get(subscriptionId('T1', 'C1'))).toMatchObject({
        team_id: 'T1',
        zone: 'UTC',
      });
    });

    it('scopes subscriptions by workspace', async () => {
      const db = await open(await backend.fresh());
      const store = digestStore(db);
      await subscribe(db, 'TA', 'C1');
      await subscribe(db, 'TB', 'C1');
      await subscribe(db, 'TB', 'C2');
      expect((await store.listForTeam('TA')).map((s) => s.id)).toEqual(['TA:C1']);
      expect((await store.listForTeam('TB')).map((s) => s.id)).toEqual(['TB:C1', 'TB:C2']);
      expect((await store.listActive()).map((s) => s.id)).toEqual(['TA:C1', 'TB:C1', 'TB:C2']);
      expect(await store.get('TA:C2')).toBeUndefined();
    });

    it('lets exactly one of many racing claims win a (channel, day), across connections', async () => {
      const target = await backend.fresh();
      const [a, b] = [await open(target), await open(target)];
      await subscribe(a, 'T1', 'C1');
      const stores = [digestStore(a), digestStore(b)];
      const wins = await Promise.all(
        Array.from({ length: 20 }, (_, i) => stores[i % 2]?.claim('T1:C1', '2026-06-01', now, `p${i}`)),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      const d = await stores[0]?.delivery('T1:C1', '2026-06-01');
      expect(d).toMatchObject({ status: 'claimed', team_id: 'T1', attempts: 1 });
      expect(await stores[1]?.recordMissed('T1:C1', '2026-06-01', now, 'x')).toBe(false);
      expect(await stores[1]?.claim('T1:C1', '2026-06-02', now, 'x')).toBe(true);
    });

    it('lets exactly one racing takeover win a stale claim', async () => {
      const target = await backend.fresh();
      const [a, b] = [await open(target), await open(target)];
      await subscribe(a, 'T1', 'C1');
      await digestStore(a).claim('T1:C1', '2026-06-01', now, 'crashed');
      const d = await digestStore(a).delivery('T1:C1', '2026-06-01');
      if (!d) throw new Error('no claim');
      const later = new Date(now.getTime() + 600_000);
      const wins = await Promise.all([
        digestStore(a).reclaim(d, 'claimed', later, 'a'),
        digestStore(b).reclaim(d, 'claimed', later, 'b'),
      ]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await digestStore(b).delivery('T1:C1', '2026-06-01')).toMatchObject({ attempts: 2 });
    });

    it('lists every channel’s unfinished deliveries at once, and the days each has on record', async () => {
      const db = await open(await backend.fresh());
      const store = digestStore(db);
      await subscribe(db, 'T1', 'C1');
      await subscribe(db, 'T1', 'C2');
      await store.claim('T1:C1', '2026-06-01', now, 'p');
      await store.claim('T1:C1', '2026-06-03', now, 'p');
      await store.update('T1:C1', '2026-06-03', { status: 'posted', posted_at: now.toISOString() });
      await store.claim('T1:C2', '2026-06-02', now, 'p');
      await store.update('T1:C2', '2026-06-02', { status: 'rate_limited', retry_at: now.toISOString() });
      await store.recordMissed('T1:C2', '2026-06-04', now, 'p');
      const unfinished = await store.unfinished('2026-06-01');
      expect(unfinished.map((d) => [d.subscription_id, d.local_date, d.status])).toEqual([
        ['T1:C1', '2026-06-01', 'claimed'],
        ['T1:C2', '2026-06-02', 'rate_limited'],
      ]);
      expect(await store.unfinished('2026-06-02')).toHaveLength(1);
      expect(await store.datesOnRecord('T1:C1', '2026-06-01', '2026-06-03')).toEqual(new Set(['2026-06-01']));
      expect(await store.datesOnRecord('T1:C2', '2026-06-01', '2026-06-10')).toEqual(
        new Set(['2026-06-02', '2026-06-04']),
      );
    });

    it('records updates, the latest delivery, the fact cycle and new facts', async () => {
      const db = await open(await backend.fresh());
      const store = digestStore(db);
      await subscribe(db, 'T1', 'C1');
      await store.claim('T1:C1', '2026-06-01', now, 'p');
      await store.update('T1:C1', '2026-06-01', {
        status: 'posted',
        posted_at: now.toISOString(),
        message_ts: '1.2',
      });
      await store.recordMissed('T1:C1', '2026-06-02', now, 'p');
      expect(await store.latestDelivery('T1:C1')).toMatchObject({
        local_date: '2026-06-02',
        status: 'missed',
      });
      expect(await store.latestDelivery('T1:C1', 'posted')).toMatchObject({ message_ts: '1.2' });
      await store.markShown('T1:C1', 'f1', false);
      await store.markShown('T1:C1', 'f2', false);
      await store.markShown('T1:C1', 'f2', false);
      expect(await store.shownFacts('T1:C1')).toEqual(new Set(['f1', 'f2']));
      await store.markShown('T1:C1', 'f3', true);
      expect(await store.shownFacts('T1:C1')).toEqual(new Set(['f3']));
      await store.recordKnownFacts(['f1', 'f2'], now);
      await store.recordKnownFacts(['f2', 'f3'], new Date('2026-06-05T00:00:00Z'));
      expect(await store.factsSeenAfter('2026-06-02T00:00:00.000Z')).toEqual(new Set(['f3']));
      await store.setStatus('T1:C1', 'paused', 'not_in_channel', now);
      expect(await store.listActive()).toEqual([]);
    });

    it('answers each event once per workspace, across connections', async () => {
      const target = await backend.fresh();
      const [a, b] = [databaseDedupe(await open(target)), databaseDedupe(await open(target))];
      const first = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim('T1', 'Ev1')),
      );
      expect(first.filter(Boolean)).toHaveLength(1);
      expect(await a.claim('T2', 'Ev1')).toBe(true);
      expect(await b.claim('T1', 'Ev2')).toBe(true);
    });

    it('stores installations encrypted and finds them by team, or by org for an org-wide install', async () => {
      const db = await open(await backend.fresh());
      const store = databaseInstallations(db, tokenCipher(key), () => now);
      await store.storeInstallation(installation('TA', botTokenA));
      await store.storeInstallation(installation(undefined, botTokenB, 'E1', true));
      expect(await store.botToken('TA', null)).toBe(botTokenA);
      // A workspace of org E1 without its own install uses the org's.
      expect(await store.botToken('TX', 'E1')).toBe(botTokenB);
      expect(await store.botToken('TZ', null)).toBeUndefined();
      const found = await store.fetchInstallation({
        teamId: 'TA',
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      expect(found.bot?.token).toBe(botTokenA);
      await expect(
        store.fetchInstallation({ teamId: 'TZ', enterpriseId: undefined, isEnterpriseInstall: false }),
      ).rejects.toThrow(/no installation/);

      const rows = await db.selectFrom('installations').selectAll().orderBy('id').execute();
      expect(rows.map((r) => [r.id, r.team_id, r.enterprise_id, r.is_enterprise_install])).toEqual([
        ['E:E1', null, 'E1', 1],
        ['T:TA', 'TA', null, 0],
      ]);
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(botTokenA);
      expect(dump).not.toContain(botTokenB);
      expect(dump).not.toContain('xoxb-');
      // Another key cannot read them; a ciphertext moved to another row does not decrypt.
      await expect(
        databaseInstallations(db, tokenCipher(Buffer.alloc(32, 1))).botToken('TA', null),
      ).rejects.toThrow();
      await db
        .updateTable('installations')
        .set({ secret: rows[0]?.secret ?? '' })
        .where('id', '=', 'T:TA')
        .execute();
      await expect(store.botToken('TA', null)).rejects.toThrow();
    });

    it('updates an installation in place on reinstall', async () => {
      const db = await open(await backend.fresh());
      const store = databaseInstallations(db, tokenCipher(key), () => now);
      await store.storeInstallation(installation('TA', botTokenA));
      await store.storeInstallation(installation('TA', botTokenB));
      expect(await store.botToken('TA', null)).toBe(botTokenB);
      expect(await db.selectFrom('installations').select('id').execute()).toHaveLength(1);
    });

    it("forgets one workspace's installation and data, and nothing of another's", async () => {
      const db = await open(await backend.fresh());
      const installs = databaseInstallations(db, tokenCipher(key), () => now);
      const store = digestStore(db);
      const dedupe = databaseDedupe(db);
      for (const team of ['TA', 'TB']) {
        await installs.storeInstallation(installation(team, team === 'TA' ? botTokenA : botTokenB));
        await subscribe(db, team, 'C1');
        await subscribe(db, team, 'C2');
        await store.claim(`${team}:C1`, '2026-06-01', now, 'p');
        await store.recordMissed(`${team}:C2`, '2026-05-31', now, 'p');
        await store.markShown(`${team}:C1`, 'f1', false);
        await dedupe.claim(team, 'Ev1');
      }
      const report = await forgetWorkspace(db, { teamId: 'TA', isEnterpriseInstall: false });
      expect(report).toEqual({ installations: 1, subscriptions: 2, deliveries: 2 });
      const count = async (
        table: 'subscriptions' | 'deliveries' | 'fact_cycle' | 'event_claims',
        team: string,
      ) => (await db.selectFrom(table).select('team_id').where('team_id', '=', team).execute()).length;
      for (const table of ['subscriptions', 'deliveries', 'fact_cycle', 'event_claims'] as const) {
        expect(await count(table, 'TA'), `${table} of TA`).toBe(0);
      }
      expect([await count('subscriptions', 'TB'), await count('deliveries', 'TB')]).toEqual([2, 2]);
      expect([await count('fact_cycle', 'TB'), await count('event_claims', 'TB')]).toEqual([1, 1]);
      expect(await installs.botToken('TA', null)).toBeUndefined();
      expect(await installs.botToken('TB', null)).toBe(botTokenB);
      expect(await dedupe.claim('TA', 'Ev1')).toBe(true);
    });

    it('forgets every workspace of an org on an org-wide uninstall', async () => {
      const db = await open(await backend.fresh());
      const installs = databaseInstallations(db, tokenCipher(key), () => now);
      await installs.storeInstallation(installation(undefined, botTokenA, 'E1', true));
      await subscribe(db, 'T1', 'C1', 'E1');
      await subscribe(db, 'T2', 'C1', 'E1');
      await subscribe(db, 'T3', 'C1');
      await digestStore(db).claim('T2:C1', '2026-06-01', now, 'p');
      const report = await forgetWorkspace(db, { enterpriseId: 'E1', isEnterpriseInstall: true });
      expect(report).toEqual({ installations: 1, subscriptions: 2, deliveries: 1 });
      expect((await digestStore(db).listActive()).map((s) => s.id)).toEqual(['T3:C1']);
    });

    it('migrates a database from before workspace scoping, filling in team ids', async () => {
      const target = await backend.fresh();
      const db = await connectDatabase(target);
      cleanups.push(() => db.destroy());
      await migrate(db, '0001_digest');
      await sql`insert into subscriptions (id, team_id, channel_id, minutes, zone, status, created_by, created_at, updated_at, start_date) values ('T9:C9', 'T9', 'C9', 540, 'UTC', 'active', 'U1', '2026-01-01', '2026-01-01', '2026-01-01')`.execute(
        db,
      );
      await sql`insert into deliveries (subscription_id, local_date, status, attempts, claimed_at, claimed_by) values ('T9:C9', '2026-01-02', 'posted', 1, '2026-01-02', 'p')`.execute(
        db,
      );
      await sql`insert into fact_cycle (subscription_id, fact_id) values ('T9:C9', 'f1')`.execute(db);
      await migrate(db);
      expect(await db.selectFrom('deliveries').select(['team_id', 'status']).execute()).toEqual([
        { team_id: 'T9', status: 'posted' },
      ]);
      expect(await db.selectFrom('fact_cycle').select('team_id').execute()).toEqual([{ team_id: 'T9' }]);
      expect(await digestStore(db).get('T9:C9')).toMatchObject({ enterprise_id: null });
    });
  });
}

function curationContract(name: string, backend: Backend): void {
  describe(`curators' data on ${name}`, () => {
    const asked = (teamId: string, text: string, outcome: 'unknown' | undefined, at = now) => ({
      teamId,
      enterpriseId: null,
      text,
      normalized: text.toLowerCase().replace(/[?!]/g, '').trim(),
      outcome,
      candidates: ['candidates'],
      now: at,
    });

    it('counts a repeated unanswered question once, twice', async () => {
      const store = curationStore(await open(await backend.fresh()));
      await store.recordAsked(asked('T1', 'Where is NATO headquartered?', 'unknown'));
      await store.recordAsked(asked('T1', 'where is nato headquartered', 'unknown'));
      await store.recordAsked(asked('T1', 'who backs rutte', undefined));
      const report = await store.report('T1', now, [7]);
      expect(report.windows[0]).toMatchObject({
        days: 7,
        asked: 3,
        answered: 1,
        unanswered: [{ text: 'where is nato headquartered', count: 2 }],
      });
    });

    it('keeps one vote per person and answer, and the comment on it', async () => {
      const store = curationStore(await open(await backend.fresh()));
      const vote = {
        teamId: 'T1',
        enterpriseId: null,
        userId: 'U1',
        answerKey: 'k1',
        question: 'who is kallas',
        factId: 'kallas-profile',
        surface: 'ephemeral' as const,
        now,
      };
      await store.vote({ ...vote, vote: 1 });
      await store.vote({ ...vote, vote: -1 });
      expect(await store.comment('T1', 'U1', 'k1', 'it skipped her party', now)).toBe(true);
      await store.vote({ ...vote, userId: 'U2', vote: 1 });
      const [week] = (await store.report('T1', now, [7])).windows;
      expect(week?.disliked).toEqual([
        {
          factId: 'kallas-profile',
          question: 'who is kallas',
          down: 1,
          up: 1,
          comments: ['it skipped her party'],
        },
      ]);
    });

    it('keeps workspaces apart and deletes one workspace’s data', async () => {
      const store = curationStore(await open(await backend.fresh()));
      await store.recordAsked(asked('T1', 'what is for lunch', 'unknown'));
      await store.recordAsked(asked('T2', 'what is the weather', 'unknown'));
      expect((await store.report('T1', now, [7])).windows[0]?.unanswered.map((u) => u.text)).toEqual([
        'what is for lunch',
      ]);
      await store.deleteWorkspace({ teamId: 'T1' });
      expect((await store.report('T1', now, [7])).windows[0]?.asked).toBe(0);
      expect((await store.report('T2', now, [7])).windows[0]?.asked).toBe(1);
    });

    it('drops the counts not yet written of every workspace of an organisation that uninstalls', async () => {
      const db = await open(await backend.fresh());
      const store = curationStore(db);
      await store.recordAsked({ ...asked('TORG1', 'who backs rutte', undefined), enterpriseId: 'E1' });
      await store.recordAsked({ ...asked('TORG2', 'who is kallas', undefined), enterpriseId: 'E1' });
      await store.recordAsked(asked('TOTHER', 'who is kirby', undefined));
      await store.deleteWorkspace({ teamId: 'TORG1', enterpriseId: 'E1', isEnterpriseInstall: true });
      await store.flush();
      expect(await db.selectFrom('question_stats').select('team_id').execute()).toEqual([
        { team_id: 'TOTHER' },
      ]);
    });

    it('forgets a workspace’s questions and votes when it uninstalls the app', async () => {
      const db = await open(await backend.fresh());
      const store = curationStore(db);
      await store.recordAsked(asked('T1', 'what is for lunch', 'unknown'));
      await store.recordAsked(asked('T2', 'what is the weather', 'unknown'));
      await forgetWorkspace(db, { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
      expect(await db.selectFrom('question_log').select('team_id').execute()).toEqual([{ team_id: 'T2' }]);
      expect(await db.selectFrom('question_stats').select('team_id').execute()).toEqual([{ team_id: 'T2' }]);
    });

    it('purges question texts and comments past the retention period', async () => {
      const store = curationStore(await open(await backend.fresh()));
      const old = new Date(now.getTime() - 100 * 86_400_000);
      await store.recordAsked(asked('T1', 'an old question', 'unknown', old));
      await store.vote({
        teamId: 'T1',
        enterpriseId: null,
        userId: 'U1',
        answerKey: 'old',
        question: 'q',
        factId: 'f',
        surface: 'dm',
        vote: -1,
        now: old,
      });
      await store.recordAsked(asked('T1', 'a recent question', 'unknown'));
      expect(await store.purge(90, now)).toBe(2);
      const [month] = (await store.report('T1', now, [365])).windows;
      expect(month?.unanswered.map((u) => u.text)).toEqual(['a recent question']);
      expect(month?.disliked).toEqual([]);
    });
  });
}

contract('SQLite', sqliteBackend);
curationContract('SQLite', sqliteBackend);
describe.skipIf(skipPostgres)('PostgreSQL', () => {
  contract('PostgreSQL', postgresBackend);
  curationContract('PostgreSQL', postgresBackend);
});
