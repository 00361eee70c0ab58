import type { types } from '@slack/bolt';
import { readAsLead } from '../../core/follow-up.js';
import type { Result } from '../../core/result.js';
import type { Surface as FeedbackSurface } from '../../store/curation-store.js';
import { encodeFeedback } from '../feedback.js';
import { actionIds } from '../ids.js';
import { escapeMrkdwn, escapeWithin, truncate } from './mrkdwn.js';

type Block = types.KnownBlock;

/** Where a message goes: only the asker sees an ephemeral one, so only it offers "Share". */
export type Surface = 'ephemeral' | 'public' | 'shared';

export interface RenderOptions {
  surface: Surface;
  /** The question as asked; echoed on ephemeral replies and carried by the Share button. */
  question?: string;
  /** Slack user id of whoever shared the answer. */
  sharedBy?: string;
  /** Where the answer is shown, for its 👍/👎 buttons; without it there are none. */
  feedback?: FeedbackSurface;
}

export interface Message {
  text: string;
  blocks: Block[];
}

const sectionLimit = 3000;
const fallbackLimit = 3500;
const maxQuotes = 8;

/** Turns an engine result into a Slack message; pure, so it is tested without Bolt. */
export function renderResult(result: Result, options: RenderOptions): Message {
  const blocks: Block[] = [];
  if (options.surface === 'ephemeral' && options.question?.trim()) {
    blocks.push(context([`You asked: ${escapeWithin(options.question.trim(), 300)}`]));
  }
  const followUp = result.kind === 'answered' ? result.followUp : undefined;
  if (followUp) blocks.push(context([`${readAsLead} “${escapeWithin(followUp.readAs, 300)}”`]));
  // What was answered: a follow-up ("and Germany?") shared or voted on stands for its reading.
  const question = followUp?.readAs ?? options.question;
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeWithin(result.text, sectionLimit) } });

  const fallback: string[] = [result.text];
  if (result.kind === 'answered') {
    const quotes = result.evidence.slice(0, maxQuotes).map((e) => `> “${escapeWithin(e.display, 1900)}”`);
    const sources = result.sources.map(
      (s) =>
        `Source: ${s.url ? `<${s.url}|${escapeMrkdwn(s.title)}>` : `_${escapeMrkdwn(s.title)}_`}, as of ${escapeMrkdwn(s.asOfLabel)}`,
    );
    if (quotes.length > 0 || sources.length > 0) blocks.push(context([...quotes, ...sources].slice(0, 10)));
    for (const note of result.notes)
      blocks.push(context([`:memo: *Editor’s note:* ${escapeWithin(note, 1900)}`]));
    if (result.evidence[0]) fallback.push(`“${result.evidence[0].display}”`);
    if (result.sources[0])
      fallback.push(`(${result.sources[0].title}, as of ${result.sources[0].asOfLabel})`);
    fallback.push(...result.notes.map((n) => `Editor’s note: ${n}`));
  }
  if (options.surface === 'shared' && options.sharedBy && /^[UW][A-Z0-9]{2,}$/.test(options.sharedBy)) {
    blocks.push(context([`Shared by <@${options.sharedBy}>`]));
  }

  const buttons: types.Button[] = [];
  if (result.kind === 'answered' && options.surface === 'ephemeral' && question) {
    buttons.push({
      type: 'button',
      action_id: actionIds.share,
      text: { type: 'plain_text', text: 'Share in channel' },
      style: 'primary',
      value: truncate(question, 2000),
    });
  }
  if (result.kind === 'answered' && options.feedback) {
    const value = encodeFeedback({ q: question ?? '', f: result.id, s: options.feedback });
    buttons.push(
      { type: 'button', action_id: actionIds.feedbackUp, text: { type: 'plain_text', text: '👍' }, value },
      { type: 'button', action_id: actionIds.feedbackDown, text: { type: 'plain_text', text: '👎' }, value },
    );
  }
  if (options.surface !== 'shared') {
    result.suggestions.slice(0, 4).forEach((s, i) => {
      buttons.push({
        type: 'button',
        action_id: `${actionIds.suggestion}:${i}`,
        text: { type: 'plain_text', text: truncate(s.label, 75) },
        value: truncate(s.query, 2000),
      });
    });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: escapeWithin(fallback.join('\n'), fallbackLimit), blocks };
}

function context(texts: string[]): types.ContextBlock {
  return { type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn', text })) };
}
