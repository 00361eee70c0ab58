import type { types } from '@slack/bolt';
import type { Report } from '../../core/curation.js';
import type { Message } from './answer.js';
import { escapeWithin } from './mrkdwn.js';

const percent = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((n / d) * 100).toFixed(1)}%`);

/** The curators' report as an ephemeral message. */
export function renderReport(report: Report): Message {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Curators’ report' } },
  ];
  for (const w of report.windows) {
    const unanswered =
      w.unanswered.length === 0
        ? '_none_'
        : w.unanswered.map((u) => `• ${u.count}× ${escapeWithin(u.text, 200)}`).join('\n');
    const disliked =
      w.disliked.length === 0
        ? '_none_'
        : w.disliked
            .map(
              (d) =>
                `• \`${escapeWithin(d.factId, 80)}\`: ${d.down} 👎, ${d.up} 👍${d.comments.map((c) => `\n    – ${escapeWithin(c, 200)}`).join('')}`,
            )
            .join('\n');
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*Last ${w.days} days*: ${w.asked} question(s), answer rate *${percent(w.answered, w.asked)}*`,
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: escapeWithinKeepMarkup(`*Most frequent unanswered*\n${unanswered}`) },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: escapeWithinKeepMarkup(`*Most 👎*\n${disliked}`) },
      },
    );
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: '`npm run report -- --csv` exports the same from the database.' }],
  });
  const first = report.windows[0];
  const text = first
    ? `Curators’ report: last ${first.days} days, ${first.asked} questions, answer rate ${percent(first.answered, first.asked)}.`
    : 'Curators’ report';
  return { text, blocks };
}

/** The pieces are escaped already; only keep the section under Slack's limit. */
function escapeWithinKeepMarkup(text: string): string {
  return text.length <= 2900 ? text : `${text.slice(0, 2899)}…`;
}
