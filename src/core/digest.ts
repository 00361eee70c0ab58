import { displayQuote, type Engine } from './engine.js';
import type { DateSpan, Fact, Source } from './knowledge/types.js';
import { daysBetween } from './schedule.js';

export interface DigestDate {
  label: string;
  text: string;
  /** "in 12 days", "today", or "past (2 years ago)". */
  when: string;
  past: boolean;
}

export interface Digest {
  /** The local date the digest is for. */
  date: string;
  leading: { name: string; backers: string } | undefined;
  dates: DigestDate[];
  factOfDay: { fact: Fact; quote: string | undefined } | undefined;
  newFacts: Fact[];
  sources: Source[];
}

/** The next fact of the day: the first in knowledge order not yet shown in this cycle. */
export function chooseFactOfDay(facts: Fact[], shownThisCycle: ReadonlySet<string>): Fact | undefined {
  return facts.find((f) => !shownThisCycle.has(f.id)) ?? facts[0];
}

/** True when every fact has been shown, so the next one starts a new cycle. */
export function cycleComplete(facts: Fact[], shownThisCycle: ReadonlySet<string>): boolean {
  return facts.every((f) => shownThisCycle.has(f.id));
}

export function describeWhen(span: DateSpan, today: string): { when: string; past: boolean } {
  const untilStart = daysBetween(today, span.start);
  const sinceEnd = daysBetween(span.end, today);
  if (sinceEnd > 0) return { when: `past (${ago(sinceEnd)})`, past: true };
  if (untilStart <= 0) return { when: 'now', past: false };
  if (untilStart === 1) return { when: 'tomorrow', past: false };
  return { when: `in ${duration(untilStart)}`, past: false };
}

function ago(days: number): string {
  return days === 1 ? 'yesterday' : `${duration(days)} ago`;
}

function duration(days: number): string {
  if (days < 14) return `${days} days`;
  if (days < 60) return `${Math.round(days / 7)} weeks`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${Math.floor(days / 365.25)} years`;
}

export function buildDigest(
  engine: Engine,
  input: { date: string; factOfDay: Fact | undefined; newFacts: Fact[] },
): Digest {
  const { knowledge, index } = engine;
  const lead = index.leadingCandidate;
  const backers = lead ? engine.ask(`who-backs ${lead.name}`) : undefined;
  const dates = knowledge.facts
    .filter((f): f is Fact & { date: DateSpan } => f.date !== undefined)
    .sort((a, b) => a.date.start.localeCompare(b.date.start))
    .map((f) => ({ label: f.date.label, text: f.answer, ...describeWhen(f.date, input.date) }));
  const factOfDay = input.factOfDay
    ? {
        fact: input.factOfDay,
        quote: (() => {
          const e = input.factOfDay.evidence[0];
          const source = e ? knowledge.sourceById.get(e.sourceId) : undefined;
          return e && source ? displayQuote(source.text, e.quote) : undefined;
        })(),
      }
    : undefined;
  return {
    date: input.date,
    leading: lead && backers?.kind === 'answered' ? { name: lead.name, backers: backers.text } : undefined,
    dates,
    factOfDay,
    newFacts: input.newFacts,
    sources: knowledge.sources,
  };
}

/** The digest as plain text, for the terminal preview. */
export function renderDigestText(d: Digest): string {
  const lines = [`NATO Secretary General race: daily digest for ${d.date}`, ''];
  if (d.leading) lines.push(`State of the race: ${d.leading.name} leads.`, d.leading.backers, '');
  lines.push('Key dates:');
  for (const x of d.dates) lines.push(`  • ${x.label} (${x.when}): ${x.text}`);
  if (d.factOfDay) {
    lines.push('', `Fact of the day: ${d.factOfDay.fact.answer}`);
    if (d.factOfDay.quote) lines.push(`  “${d.factOfDay.quote}”`);
  }
  if (d.newFacts.length > 0) {
    lines.push('', 'New since your last digest:');
    for (const f of d.newFacts) lines.push(`  • ${f.answer}`);
  }
  for (const s of d.sources) lines.push('', `Source: ${s.title}, as of ${s.asOfLabel}.`);
  return lines.join('\n');
}
