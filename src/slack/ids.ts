/**
 * Slack identifiers, defined once and shared by the listeners, the tests and the manifest check.
 */
export const slashCommand = '/nato';

/** Bot events the app subscribes to (manifest `settings.event_subscriptions.bot_events`). */
export const botEvents = [
  'app_mention',
  'message.im',
  'app_home_opened',
  // A workspace removed the app or its bot token: its data is deleted.
  'app_uninstalled',
  'tokens_revoked',
] as const;

export const actionIds = {
  /** "Share in channel" on an ephemeral answer. */
  share: 'answer_share',
  /** A suggestion button on an ambiguous or unknown answer. */
  suggestion: 'answer_suggestion',
  /** 👍 and 👎 on every answer. */
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
} as const;

/** Modal callback ids (view_submission). */
export const callbackIds = {
  /** "What was wrong?" after a 👎. */
  feedbackComment: 'feedback_comment',
} as const;

/**
 * Web API methods the code calls, with the bot scopes each needs. The manifest test checks that
 * the manifest grants them and that the code calls nothing missing from this list.
 */
export const apiMethodScopes: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'views.publish': [],
  'views.open': [],
  'users.info': ['users:read'],
  'conversations.info': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
};

/** Scopes the events need (manifest `oauth_config.scopes.bot`). */
export const eventScopes: Record<(typeof botEvents)[number], string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
};

export const commandScopes = ['commands'];

/** Every bot scope the app asks for when installed through OAuth (the manifest grants the same). */
export const botScopes: string[] = [
  ...new Set([
    ...commandScopes,
    ...Object.values(eventScopes).flat(),
    ...Object.values(apiMethodScopes).flat(),
  ]),
].sort();
