import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { forget } from './app-uninstalled.js';

/**
 * Tokens were revoked. The bot token gone means the bot can no longer act in the workspace, so
 * its data is deleted as on uninstall; revoked user tokens alone change nothing (we keep none).
 */
export function tokensRevoked(deps: SlackDeps) {
  return async ({
    event,
    context,
    logger,
  }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs): Promise<void> => {
    if ((event.tokens.bot ?? []).length === 0) {
      logger.info('tokens_revoked for user tokens only: nothing stored to delete');
      return;
    }
    await forget(deps, context, logger, 'tokens_revoked');
  };
}
