import type { types } from '@slack/bolt';

export const commentInput = { block: 'feedback_comment_block', action: 'feedback_comment_text' } as const;

/** The short form shown after a 👎. */
export function feedbackModal(callbackId: string, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'What was wrong?' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Skip' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Thanks for the 👎. If you tell us what was wrong, the people who curate the bot’s knowledge can fix it.',
        },
      },
      {
        type: 'input',
        block_id: commentInput.block,
        optional: true,
        label: { type: 'plain_text', text: 'What was wrong with the answer?' },
        element: {
          type: 'plain_text_input',
          action_id: commentInput.action,
          multiline: true,
          max_length: 500,
          placeholder: { type: 'plain_text', text: 'e.g. it answered a different question' },
        },
      },
    ],
  };
}
