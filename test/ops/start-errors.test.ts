/**
 * A bot that cannot connect says which setting is wrong and how to fix it, and exits 1: a refused
 * app-level token is not blamed on the bot token, and a port in use is not blamed on Slack.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { botToken, signingSecret, startPatienceMs } from '../helpers/bot.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { killAll, startBotProcess } from '../helpers/processes.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
});
afterEach(() => killAll());
afterAll(async () => {
  await fake.close();
});

async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const bot = startBotProcess({
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'nato-start-')), 'bot.sqlite'),
    LOG_LEVEL: 'error',
    ...env,
  });
  const code = await bot.exited;
  return { code, output: bot.lines.join('\n') };
}

describe('start-up failures', { timeout: startPatienceMs + 10_000 }, () => {
  it('names SLACK_APP_TOKEN when Slack refuses the app-level token in Socket Mode', async () => {
    // As Slack answers a revoked or mistyped xapp- token when the socket is opened.
    fake.failNext('apps.connections.open', { error: 'invalid_auth' });
    const r = await failedStart({ SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: 'xapp-1-A0TEST-1-refused' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('Slack rejected SLACK_APP_TOKEN');
    expect(r.output).toContain('connections:write');
    expect(r.output).not.toContain('SLACK_BOT_TOKEN');
    expect(r.output).not.toMatch(/\n\s+at /);
  });

  it('names SLACK_BOT_TOKEN when Slack refuses the bot token in Socket Mode', async () => {
    const r = await failedStart({
      SLACK_BOT_TOKEN: 'xoxb-0-refused',
      SLACK_APP_TOKEN: 'xapp-1-A0TEST-1-any',
    });
    expect(r.code).toBe(1);
    expect(r.output).toContain('Slack rejected SLACK_BOT_TOKEN');
    expect(r.output).not.toContain('SLACK_APP_TOKEN');
    expect(r.output).not.toMatch(/\n\s+at /);
  });

  it('names SLACK_BOT_TOKEN in HTTP mode too, before taking any request', async () => {
    const r = await failedStart({ SLACK_BOT_TOKEN: 'xoxb-0-refused', SLACK_SIGNING_SECRET: signingSecret });
    expect(r.code).toBe(1);
    expect(r.output).toContain('Slack rejected SLACK_BOT_TOKEN');
    expect(r.output).not.toMatch(/\n\s+at /);
  });

  describe('with the port taken', () => {
    let server: Server;
    beforeAll(async () => {
      server = createServer();
      await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('says the port is in use, not that Slack refused', async () => {
      const port = (server.address() as AddressInfo).port;
      const r = await failedStart({
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        PORT: String(port),
      });
      expect(r.code).toBe(1);
      expect(r.output).toContain(`port ${port} is already in use`);
      expect(r.output).not.toContain('Slack did not accept');
    });

    it('says so in Socket Mode too, where the port serves the health checks', async () => {
      const port = (server.address() as AddressInfo).port;
      const r = await failedStart({
        SLACK_BOT_TOKEN: botToken,
        SLACK_APP_TOKEN: 'xapp-1-A0TEST-1-any',
        PORT: String(port),
      });
      expect(r.code).toBe(1);
      expect(r.output).toContain(`port ${port} is already in use`);
      expect(r.output).not.toMatch(/\n\s+at /);
    });
  });
});
