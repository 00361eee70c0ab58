import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';

/** What a subcommand handler gets from the `/nato` listener. */
export type CommandArgs = Pick<
  SlackCommandMiddlewareArgs & AllMiddlewareArgs,
  'command' | 'client' | 'respond' | 'logger'
>;

/** A short ephemeral reply in mrkdwn; the caller has escaped anything a user or a file supplied. */
export function sayPrivately(respond: RespondFn, text: string): Promise<unknown> {
  return respond({
    response_type: 'ephemeral',
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  });
}
