import '../dotenv.js';
import { parseArgs } from 'node:util';
import { formatConfigProblems, parseConfig } from '../config.js';
import { renderReportCsv, renderReportText } from '../core/curation.js';
import { curationStore } from '../store/curation-store.js';
import { openDatabase } from '../store/database.js';
import { parseArgsOrExit } from './args.js';
import { endWhenReaderLeaves } from './closed-pipe.js';

const usage = `Usage:
  npm run report                    the curators' report for the last 7 and 30 days (reads DATABASE_URL)
  npm run report -- --csv           the same as CSV, for a spreadsheet
  npm run report -- --team T0123    one workspace only`;

const { values } = parseArgsOrExit(
  () =>
    parseArgs({
      options: { csv: { type: 'boolean' }, team: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }),
  usage,
);
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(formatConfigProblems(parsed.problems));
  process.exit(1);
}
endWhenReaderLeaves();
const db = await openDatabase(parsed.config.database);
try {
  const report = await curationStore(db).report(values.team, new Date(), [7, 30]);
  process.stdout.write(values.csv ? renderReportCsv(report) : `${renderReportText(report)}\n`);
} finally {
  await db.destroy();
}
