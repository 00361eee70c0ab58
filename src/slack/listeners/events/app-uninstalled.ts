import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

/** The app was removed from a workspace (or an org): everything stored for it is deleted. */
export function appUninstalled(deps: SlackDeps) {
  return async ({
    context,
    logger,
  }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs): Promise<void> => {
    await forget(deps, context, logger, 'app_uninstalled');
  };
}

/** Shared by app_uninstalled and tokens_revoked. */
export async function forget(
  deps: SlackDeps,
  context: AllMiddlewareArgs['context'],
  logger: AllMiddlewareArgs['logger'],
  why: string,
): Promise<void> {
  if (!deps.forgetWorkspace) return;
  const workspace = {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  };
  const r = await deps.forgetWorkspace(workspace);
  logger.info(
    `${why}: forgot ${context.isEnterpriseInstall ? `org ${context.enterpriseId}` : `workspace ${context.teamId}`} ` +
      `(${r.installations} installation, ${r.subscriptions} subscriptions, ${r.deliveries} deliveries)`,
  );
}
