import type { types } from '@slack/bolt';
import type { Digest } from '../../core/digest.js';
import type { Message } from './answer.js';
import { escapeMrkdwn, escapeWithin } from './mrkdwn.js';

type Block = types.KnownBlock;

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** The daily digest as Block Kit, with a plain-text fallback. */
export function renderDigest(d: Digest): Message {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'NATO Secretary General race: daily digest' } },
  ];
  if (d.leading) {
    blocks.push(
      section(`*State of the race:* ${escapeWithin(`${d.leading.name} leads. ${d.leading.backers}`, 2800)}`),
    );
  }
  if (d.dates.length > 0) {
    const lines = d.dates.map(
      (x) => `• *${escapeMrkdwn(x.label)}* (${escapeMrkdwn(x.when)}): ${escapeMrkdwn(x.text)}`,
    );
    blocks.push(section(escapeWithinLines(['*Key dates*', ...lines], 2900)));
  }
  if (d.factOfDay) {
    blocks.push(section(`*Fact of the day:* ${escapeWithin(d.factOfDay.fact.answer, 2800)}`));
    if (d.factOfDay.quote) {
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `> “${escapeWithin(d.factOfDay.quote, 1900)}”` }],
      });
    }
  }
  if (d.newFacts.length > 0) {
    const lines = d.newFacts.slice(0, 10).map((f) => `• ${escapeMrkdwn(f.answer)}`);
    blocks.push(section(escapeWithinLines(['*New since your last digest*', ...lines], 2900)));
  }
  const sources = d.sources.slice(0, 10).map((s) => ({
    type: 'mrkdwn' as const,
    text: `Source: _${escapeMrkdwn(s.title)}_, as of ${escapeMrkdwn(s.asOfLabel)}`,
  }));
  if (sources.length > 0) blocks.push({ type: 'context', elements: sources });

  const fallback = [
    `NATO Secretary General race, daily digest for ${d.date}.`,
    d.leading ? `${d.leading.name} leads. ${d.leading.backers}` : '',
    d.factOfDay ? `Fact of the day: ${d.factOfDay.fact.answer}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { text: escapeWithin(fallback, 3500), blocks };
}

/** Joins already-escaped lines, dropping whole lines past the limit. */
function escapeWithinLines(lines: string[], max: number): string {
  const out: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > max) break;
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}
