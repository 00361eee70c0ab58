/**
 * SIGHUP reloads the knowledge of a running bot process: a valid folder goes live, an invalid one
 * is refused with its problems logged, and the old knowledge keeps answering.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultKnowledgeDir } from '../../src/knowledge/load.js';
import { botToken, reloadPatienceMs, signingSecret } from '../helpers/bot.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { killAll, startBotProcess } from '../helpers/processes.js';
import { commandReply, sendCommand } from '../helpers/slack-requests.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
});
afterEach(() => killAll());
afterAll(async () => {
  await fake.close();
});

const added = `
  - id: signal-added-fact
    kind: context
    subjects: [rutte]
    answer: The lighthouse keeper of the alliance is a test fact added while the bot runs.
    questions: [who is the lighthouse keeper of the alliance]
    keywords: [lighthouse keeper]
    evidence:
      - quote: 'Dutch Prime Minister Mark Rutte, aged 57'
`;

describe('SIGHUP', { timeout: 3 * reloadPatienceMs }, () => {
  it('reloads valid knowledge and refuses invalid knowledge, without a restart', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nato-knowledge-')), 'knowledge');
    cpSync(defaultKnowledgeDir, dir, { recursive: true });
    const file = join(dir, 'nato-race.yml');
    const good = readFileSync(file, 'utf8');
    const bot = startBotProcess({
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: join(dir, '..', 'bot.sqlite'),
      KNOWLEDGE_DIR: dir,
      LOG_LEVEL: 'info',
    });
    const port = await bot.port;
    let n = 0;
    const ask = async (text: string): Promise<string> => {
      const id = `hup-${++n}`;
      const res = await sendCommand(`http://127.0.0.1:${port}`, signingSecret, {
        text,
        response_url: fake.responseUrl(id),
      });
      return String((await commandReply(res, () => fake.responsesTo(id), fake.waitFor)).text);
    };
    const logged = (pattern: RegExp) =>
      fake
        .waitFor(() => bot.lines.some((l) => pattern.test(l)), reloadPatienceMs)
        .catch((e) => {
          throw new Error(`${String(e).slice(0, 100)}\nlog:\n${bot.lines.join('\n')}`);
        });

    writeFileSync(
      file,
      `${good.replace("- quote: 'Dutch Prime Minister Mark Rutte, aged 57, has", "- quote: 'Dutch Prime Minister Mark Rutte, aged 58, has")}`,
    );
    bot.child.kill('SIGHUP');
    await logged(/knowledge not reloaded/);
    expect(bot.lines.join('\n')).toMatch(/nato-race\.yml:\d+ facts\[\d+\]\.evidence\[\d+\]\.quote/);
    expect(await ask('who backs rutte')).toContain('United States');

    // A folder named like a knowledge file is a problem to report, not a crash.
    writeFileSync(file, good);
    mkdirSync(join(dir, 'old.yml'));
    bot.lines.length = 0;
    bot.child.kill('SIGHUP');
    await logged(/knowledge not reloaded/);
    expect(bot.lines.join('\n')).toMatch(/old\.yml.*is a folder, not a file/);
    expect(await ask('who backs rutte')).toContain('United States');
    rmSync(join(dir, 'old.yml'), { recursive: true });

    writeFileSync(file, `${good}${added}`);
    bot.child.kill('SIGHUP');
    await logged(/knowledge reloaded, \d+ facts \(1 new\)/);
    expect(await ask('who is the lighthouse keeper of the alliance')).toContain('lighthouse keeper');
    expect((await bot.signal('SIGTERM')).code).toBe(0);
  });
});
