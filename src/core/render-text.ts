import { readAsLead } from './follow-up.js';
import type { Result } from './result.js';

/** The answer as plain text for a terminal: no Slack markup. */
export function renderText(result: Result): string {
  const lines =
    result.kind === 'answered' && result.followUp ? [`(${readAsLead} “${result.followUp.readAs}”)`] : [];
  lines.push(result.text);
  if (result.kind === 'answered') {
    for (const e of result.evidence) lines.push(`  “${e.display}”`);
    for (const s of result.sources) lines.push(`  — ${s.title}, as of ${s.asOfLabel}`);
    for (const n of result.notes) lines.push(`  Editor’s note: ${n}`);
  }
  if (result.suggestions.length > 0) {
    lines.push(
      `${result.kind === 'answered' ? 'See also' : 'Try'}: ${result.suggestions.map((s) => s.label).join(' | ')}`,
    );
  }
  return lines.join('\n');
}

export interface JsonAnswer {
  answered: boolean;
  text: string;
  confidence: number;
  sources: { quote: string }[];
  suggestions: string[];
}

/** The machine-readable answer printed by `ask --json`. */
export function toJson(result: Result): JsonAnswer {
  return {
    answered: result.kind === 'answered',
    // The keys are fixed: an editor's note, which the bot always shows with the answer, is in its text.
    text: [
      result.text,
      ...(result.kind === 'answered' ? result.notes.map((n) => `Editor’s note: ${n}`) : []),
    ].join('\n'),
    confidence: result.confidence,
    sources: result.kind === 'answered' ? result.evidence.map((e) => ({ quote: e.quote })) : [],
    suggestions: result.suggestions.map((s) => s.label),
  };
}
