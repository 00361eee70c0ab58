import type { Result } from './result.js';
import { normalize } from './text.js';

export type CuratorCommand = 'report' | 'reload';

/** `/nato report` and `/nato reload`, for curators only. */
export function curatorCommand(text: string): CuratorCommand | undefined {
  const t = text.trim().toLowerCase();
  return t === 'report' || t === 'reload' ? t : undefined;
}

/** Below this confidence an answer counts as weak and its question is logged for curators. */
export const lowConfidence = 0.75;

export type LoggedOutcome = 'unknown' | 'ambiguous' | 'low-confidence';

/** Which questions curators should see: declined, ambiguous, or answered with low confidence. */
export function outcomeToLog(result: Result): LoggedOutcome | undefined {
  if (result.kind === 'unknown') return result.reason === 'empty' ? undefined : 'unknown';
  if (result.kind === 'ambiguous') return 'ambiguous';
  return result.confidence < lowConfidence ? 'low-confidence' : undefined;
}

/** The form repeats are counted under: "Who backs Rutte??" and "who backs rutte" are one question. */
export function normalizeQuestion(text: string): string {
  return normalize(text).slice(0, 300);
}

/** The best candidates behind a result, for the log: the answer, or the suggestions offered. */
export function candidatesOf(result: Result): string[] {
  if (result.kind === 'answered') return [result.id];
  return result.suggestions.map((s) => s.query).slice(0, 3);
}

export interface ReportWindow {
  days: number;
  asked: number;
  answered: number;
  unanswered: { text: string; count: number; lastAsked: string }[];
  disliked: { factId: string; question: string; down: number; up: number; comments: string[] }[];
}

export interface Report {
  generatedAt: string;
  windows: ReportWindow[];
}

const percent = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((n / d) * 100).toFixed(1)}%`);

/** The curators' report as plain text. */
export function renderReportText(report: Report): string {
  const lines = [`nato-bot curators’ report, ${report.generatedAt}`];
  for (const w of report.windows) {
    lines.push(
      '',
      `Last ${w.days} days: ${w.asked} question(s), answer rate ${percent(w.answered, w.asked)} (${w.answered} answered).`,
    );
    lines.push('Most frequent unanswered questions:');
    if (w.unanswered.length === 0) lines.push('  (none)');
    for (const u of w.unanswered) lines.push(`  ${u.count}× ${u.text}`);
    lines.push('Answers with the most 👎:');
    if (w.disliked.length === 0) lines.push('  (none)');
    for (const d of w.disliked) {
      lines.push(`  ${d.factId}: ${d.down} 👎, ${d.up} 👍 (e.g. “${d.question}”)`);
      for (const c of d.comments) lines.push(`    – ${c}`);
    }
  }
  return lines.join('\n');
}

/** The report as CSV: one row per unanswered question and per disliked answer, per window. */
export function renderReportCsv(report: Report): string {
  const cell = (v: string | number): string => {
    const s = String(v);
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows: (string | number)[][] = [['window_days', 'kind', 'subject', 'count', 'down', 'up', 'detail']];
  for (const w of report.windows) {
    rows.push([w.days, 'answer_rate', '', w.asked, '', '', percent(w.answered, w.asked)]);
    for (const u of w.unanswered) rows.push([w.days, 'unanswered', u.text, u.count, '', '', u.lastAsked]);
    for (const d of w.disliked)
      rows.push([w.days, 'disliked', d.factId, '', d.down, d.up, d.comments.join(' | ')]);
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
