import type { types } from '@slack/bolt';
import type { Engine } from '../../core/engine.js';
import { slashCommand } from '../ids.js';
import { escapeMrkdwn, escapeWithin, listWithin } from './mrkdwn.js';

type Block = types.KnownBlock;

const section2 = (mrkdwn: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } });

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: escapeWithin(text, 2900) },
});

/** The App Home: an overview of the race and how to ask. */
export interface HomeSubscription {
  channelId: string;
  time: string;
  zone: string;
  paused: string | null;
}

export function renderHome(engine: Engine, subscriptions: HomeSubscription[] = []): types.HomeView {
  const lead = engine.index.leadingCandidate;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'The race for NATO Secretary General' } },
  ];
  if (lead) {
    const backers = engine.ask(`who-backs ${lead.name}`);
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: `*Leading candidate: ${escapeMrkdwn(lead.name)}*` } },
      section(backers.text),
    );
  }
  const candidates = engine.ask('candidates');
  blocks.push(
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: '*Who else is in the running*' } },
  );
  blocks.push(section(candidates.text));
  const timeline = engine.ask('timeline');
  blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: '*Key dates*' } });
  blocks.push(section(timeline.text.replace(/^Key dates:\n/, '')));
  blocks.push(
    { type: 'divider' },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '*How to ask*',
          `• In any channel: \`${slashCommand} who-backs rutte\`, \`${slashCommand} candidates\`, \`${slashCommand} timeline\` or \`${slashCommand} help\` (only you see the answer; *Share in channel* posts it)`,
          '• Mention me in a channel: `@nato-bot who is Kaja Kallas?` (I answer in a thread)',
          '• Or write to me here in the *Messages* tab.',
        ].join('\n'),
      },
    },
  );
  blocks.push({ type: 'divider' }, section2('*Daily digests in this workspace*'));
  blocks.push(
    subscriptions.length === 0
      ? section(
          `No channel gets a daily digest yet. Run \`${slashCommand} digest on\` in a channel to subscribe it.`,
        )
      : {
          type: 'section',
          text: {
            type: 'mrkdwn',
            // A section holds 3,000 characters: as many channels as fit, then how many more.
            text: listWithin(
              subscriptions.map(
                (s) =>
                  `• <#${s.channelId}> at ${s.time} (${escapeMrkdwn(s.zone)})${s.paused ? `: paused (${escapeWithin(s.paused, 200)})` : ''}`,
              ),
              2900,
              '\n',
            ),
          },
        },
  );
  const sources = engine.knowledge.sources.map(
    (s) =>
      `Source: _${escapeMrkdwn(s.title)}_, as of ${escapeMrkdwn(s.asOfLabel)}. Every answer shows the sentence it rests on.`,
  );
  if (sources.length > 0) {
    blocks.push({
      type: 'context',
      elements: sources.slice(0, 10).map((text) => ({ type: 'mrkdwn', text })),
    });
  }
  return { type: 'home', blocks };
}
