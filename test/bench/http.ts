/**
 * Part 2: HTTP round trip of `/nato who-backs rutte` at the bot's endpoint, against a bare Bolt app
 * that only acks. A second bare app acks with the bot's own reply body, as a reference for what
 * sending that body costs. Each server runs in its own process; autocannon drives them from this
 * one, over loopback, in alternating order, so all see the same machine in the same run.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { slashCommand } from '../../src/slack/ids.js';
import { botToken, signingSecret } from '../helpers/bot.js';
import { fakeWorkspace } from '../helpers/fake-slack.js';
import { sign } from '../helpers/slack-requests.js';
import type { ServerInput, ServerMessage, ServerMode } from './http-server.js';
import { fmt, median, quantile, table } from './stats.js';

export interface HttpOptions {
  runs: number;
  /** Seconds per measured run, per app. */
  seconds: number;
  connections: number;
  log: (line: string) => void;
}

export interface HttpRun {
  requestsPerSecond: number;
  /** CPU time of the app's process per acked request, and of the response_url sink. */
  cpuMsPerRequest: number;
  sinkCpuMsPerRequest: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

export interface HttpResult {
  bot: HttpRun[];
  bare: HttpRun[];
  /** The reference: a bare app acking with the bot's reply body. */
  bareBody: HttpRun[];
  /** Bot throughput / bare throughput, per run (both measured in that run). */
  ratios: number[];
  /** Bare-with-the-bot's-body throughput / bare throughput, per run. */
  bodyRatios: number[];
  /** Bytes of the bot's acknowledgement body. */
  bodyBytes: number;
  /** Replies the bot posted to the response_url sink, and the 2xx acks they answer. */
  delivered: number;
  acked: number;
  connections: number;
  seconds: number;
}

/** The throughput ratio the issue asks for: the bot at 80% of a bare Bolt app or better. */
export const throughputTarget = 0.8;

/** The command's text: `/nato who-backs rutte`. */
const question = 'who-backs rutte';
const serverScript = resolve(import.meta.dirname, 'http-server.ts');

interface Server {
  child: ChildProcess;
  port: number;
}

function startServer(mode: ServerMode): Promise<Server> {
  const input: ServerInput = { mode, botToken, signingSecret, question };
  const child = fork(serverScript, [JSON.stringify(input)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${mode} server did not start in 30 s`)), 30_000);
    child.once('exit', (code) => fail(new Error(`${mode} server exited with code ${code}`)));
    child.on('message', (raw) => {
      const m = raw as ServerMessage;
      if (m.type === 'ready') {
        clearTimeout(timer);
        ready({ child, port: m.port });
      }
    });
  });
}

function stats(server: Server): Promise<{ posts: number; cpuMs: number }> {
  return new Promise((answer) => {
    const listener = (raw: unknown): void => {
      const m = raw as ServerMessage;
      if (m.type === 'stats') {
        server.child.off('message', listener);
        answer(m);
      }
    };
    server.child.on('message', listener);
    server.child.send({ type: 'stats' });
  });
}

/** A slash command as Slack sends it (field order included), signed now. */
function commandRequest(responseUrl: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'vErIfIcAtIoNtOkEn0000000',
    team_id: fakeWorkspace.teamId,
    team_domain: fakeWorkspace.teamDomain,
    channel_id: fakeWorkspace.channelId,
    channel_name: fakeWorkspace.channelName,
    user_id: fakeWorkspace.userId,
    user_name: 'tester',
    command: slashCommand,
    text: question,
    api_app_id: fakeWorkspace.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1337.42.bench',
  }).toString();
  // One timestamp per run: Bolt accepts a signature for five minutes, and a run lasts seconds.
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(signingSecret, timestamp, body),
    },
  };
}

/** One request's acknowledgement body. */
async function ackBody(port: number, responseUrl: string): Promise<string> {
  const { body, headers } = commandRequest(responseUrl);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
  if (!res.ok) throw new Error(`ack answered ${res.status}`);
  return res.text();
}

type Load = Omit<HttpRun, 'cpuMsPerRequest' | 'sinkCpuMsPerRequest'>;

function load(port: number, responseUrl: string, seconds: number, connections: number): Promise<Load> {
  const { body, headers } = commandRequest(responseUrl);
  const latencies: number[] = [];
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/slack/events`,
        method: 'POST',
        headers,
        body,
        connections,
        duration: seconds,
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) {
          fail(error);
          return;
        }
        done({
          requestsPerSecond: result['2xx'] / result.duration,
          p50: quantile(latencies, 0.5),
          p99: quantile(latencies, 0.99),
          ok: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
    // autocannon's own histogram has 1 ms resolution: keep every response time instead.
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

export async function benchHttp(opts: HttpOptions): Promise<HttpResult> {
  const servers: Server[] = [];
  try {
    const sink = await startServer('sink');
    servers.push(sink);
    const bot = await startServer('bot');
    servers.push(bot);
    const bare = await startServer('bare');
    servers.push(bare);
    const bareBody = await startServer('bare-body');
    servers.push(bareBody);
    const responseUrl = `http://127.0.0.1:${sink.port}/response/bench`;
    let acked = 0;
    // Replies posted to response_url drain before the next measurement. This command is answered
    // in the acknowledgement and posts nothing, so the wait ends once the count stops growing.
    const waitForReplies = async (): Promise<number> => {
      const until = Date.now() + 10_000;
      let posts = (await stats(sink)).posts;
      let unchanged = 0;
      while (posts < acked && unchanged < 5 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        const next = (await stats(sink)).posts;
        unchanged = next === posts ? unchanged + 1 : 0;
        posts = next;
      }
      return posts;
    };

    // Warm all three up (JIT, connection pools) before anything is measured.
    const warm = await load(bot.port, responseUrl, 2, opts.connections);
    await load(bare.port, responseUrl, 2, opts.connections);
    await load(bareBody.port, responseUrl, 2, opts.connections);
    acked += warm.ok + 1;
    // The reference must send exactly what the bot sends.
    const [botAck, bodyAck] = [
      await ackBody(bot.port, responseUrl),
      await ackBody(bareBody.port, responseUrl),
    ];
    if (botAck !== bodyAck) throw new Error('the bare-with-body app does not ack with the bot’s reply');
    await waitForReplies();

    const result: HttpResult = {
      bot: [],
      bare: [],
      bareBody: [],
      ratios: [],
      bodyRatios: [],
      bodyBytes: Buffer.byteLength(botAck),
      delivered: 0,
      acked: 0,
      connections: opts.connections,
      seconds: opts.seconds,
    };
    const baseline = (await stats(sink)).posts;
    for (let run = 0; run < opts.runs; run++) {
      const measure = async (which: 'bot' | 'bare' | 'bare-body'): Promise<HttpRun> => {
        const server = which === 'bot' ? bot : which === 'bare' ? bare : bareBody;
        const [before, sinkBefore] = [await stats(server), await stats(sink)];
        const l = await load(server.port, responseUrl, opts.seconds, opts.connections);
        if (which === 'bot') {
          acked += l.ok;
          result.acked += l.ok;
          // The bot's replies drain before the next measurement, so they do not slow it down.
          await waitForReplies();
        }
        const [after, sinkAfter] = [await stats(server), await stats(sink)];
        const r: HttpRun = {
          ...l,
          cpuMsPerRequest: (after.cpuMs - before.cpuMs) / l.ok,
          sinkCpuMsPerRequest: (sinkAfter.cpuMs - sinkBefore.cpuMs) / l.ok,
        };
        opts.log(
          `http ${which} run ${run + 1}: ${fmt(r.requestsPerSecond, 0)} req/s, p50 ${fmt(r.p50, 3)} ms, p99 ${fmt(r.p99, 3)} ms, ` +
            `${r.non2xx} non-2xx, ${r.errors} errors, CPU ${fmt(r.cpuMsPerRequest, 3)} ms/request`,
        );
        return r;
      };
      // Alternate the order, so no app always runs on a machine another just heated.
      const order = ['bare', 'bare-body', 'bot'] as const;
      const runs = new Map<string, HttpRun>();
      for (const which of run % 2 === 0 ? order : [...order].reverse()) runs.set(which, await measure(which));
      const botRun = runs.get('bot') as HttpRun;
      const bareRun = runs.get('bare') as HttpRun;
      const bodyRun = runs.get('bare-body') as HttpRun;
      result.bot.push(botRun);
      result.bare.push(bareRun);
      result.bareBody.push(bodyRun);
      result.ratios.push(botRun.requestsPerSecond / bareRun.requestsPerSecond);
      result.bodyRatios.push(bodyRun.requestsPerSecond / bareRun.requestsPerSecond);
    }
    result.delivered = (await waitForReplies()) - baseline;
    return result;
  } finally {
    // Stopped before the next part starts, so they take no CPU from it.
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((gone) => {
            if (s.child.exitCode !== null || s.child.signalCode !== null) gone();
            else {
              s.child.once('exit', () => gone());
              s.child.kill('SIGTERM');
            }
          }),
      ),
    );
  }
}

export function httpTable(r: HttpResult): string {
  const row = (name: string, runs: HttpRun[]): string[] => [
    name,
    String(runs.length),
    fmt(median(runs.map((x) => x.requestsPerSecond)), 0),
    fmt(median(runs.map((x) => x.p50)), 3),
    fmt(median(runs.map((x) => x.p99)), 3),
    fmt(median(runs.map((x) => x.cpuMsPerRequest)), 3),
    String(runs.reduce((s, x) => s + x.non2xx, 0)),
    String(runs.reduce((s, x) => s + x.errors, 0)),
  ];
  const ratio = median(r.ratios);
  const bodyRatio = median(r.bodyRatios);
  return table(
    `Part 2 — HTTP round trip of signed "/nato who-backs rutte" over loopback (median over runs)`,
    ['app', 'runs', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'non-2xx', 'errors'],
    [
      row('nato-bot (startSlackApp, HTTP mode)', r.bot),
      row('bare Bolt app (ack with fixed text)', r.bare),
      row('reference: bare app acking the bot’s reply', r.bareBody),
    ],
    [
      `throughput ratio bot / bare: ${fmt(ratio, 2)} (median of per-run ratios ${r.ratios.map((x) => fmt(x, 2)).join(', ')}); ` +
        `target >= ${throughputTarget}: ${ratio >= throughputTarget ? 'met' : 'MISSED'}`,
      `reference / bare: ${fmt(bodyRatio, 2)} (per run ${r.bodyRatios.map((x) => fmt(x, 2)).join(', ')}): what acking with ` +
        `the bot’s ${r.bodyBytes}-byte Block Kit reply instead of a short text costs a bare app; not part of the target.`,
      `${r.connections} connections, ${r.seconds} s per app per run, order alternating; latency = request to ack ` +
        '(the HTTP response), taken from every response.',
      `replies the bot posted to the response_url sink: ${r.delivered} for ${r.acked} acks counted ` +
        `(requests in flight when a run stops are answered too); the sink, a separate process answering 200, ` +
        `used ${fmt(median(r.bot.map((x) => x.sinkCpuMsPerRequest)), 3)} CPU ms per reply.`,
      'CPU ms/req = user + system CPU time of the app process per acked request, replies to response_url included.',
    ],
  );
}
