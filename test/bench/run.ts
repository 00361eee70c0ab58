/**
 * `npm run bench`: engine speed and scaling, HTTP round trip, and answer quality against peers.
 * Prints one table per part; progress goes to stderr. The whole run keeps to a time budget (the
 * issue asks for under 5 minutes on 2 cores). The real knowledge's speed, which a target is set
 * for, is measured first; the larger sizes run last with what is left and say so when they have
 * to stop early. On a slow machine the peers alone took four minutes, and the engine part, then
 * run last, measured nothing.
 *
 * `npm run bench -- --scaling` measures the engine alone at every size, one run each, with no such
 * budget: the 1,000x size takes about a minute and a half to start and 2 GB of memory, so it does
 * not fit in the five minutes beside the rest.
 */
import { benchEngineSpeed, speedTables } from './engine-speed.js';
import { benchHttp, httpTable } from './http.js';
import { describeMachine, describeSource } from './machine.js';
import { benchPeers, peersTable } from './peers.js';

const budgetMs = 270_000;
/** For `--scaling`: long enough for every size on a slow machine, short enough to end a hung run. */
const scalingBudgetMs = 30 * 60_000;

async function main(): Promise<void> {
  const started = Date.now();
  const log = (line: string): void => {
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
  };
  const header = [
    `nato-bot benchmarks — ${new Date().toISOString()}`,
    `machine: ${describeMachine()}`,
    `measured: ${describeSource()}`,
  ];
  /** The header, the tables a blank line apart, and the total time. */
  const report = (...tables: string[]): void => {
    const total = `total run time: ${((Date.now() - started) / 1000).toFixed(0)} s`;
    process.stdout.write(`${[...header, '', ...tables.flatMap((t) => [t, '']), total].join('\n')}\n`);
  };
  if (process.argv.includes('--scaling')) {
    const speed = await benchEngineSpeed({
      sizes: [1, 10, 100, 1000],
      runs: () => 1,
      deadline: started + scalingBudgetMs,
      log,
    });
    report(speedTables(speed));
    return;
  }
  const deadline = started + budgetMs;
  const real = await benchEngineSpeed({ sizes: [1], runs: () => 3, deadline, log });
  const peers = await benchPeers(log);
  const http = await benchHttp({ runs: 3, seconds: 3, connections: 10, log });
  const larger = await benchEngineSpeed({
    sizes: [10, 100, 1000],
    // One run of the large sizes leaves the 1,000x size time to start.
    runs: (size) => (size >= 100 ? 1 : 3),
    deadline,
    log,
  });
  const speed = { sizes: [...real.sizes, ...larger.sizes] };
  report(speedTables(speed), httpTable(http), peersTable(peers));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
