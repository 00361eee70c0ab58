import { webApi } from '@slack/bolt';
import type { Message } from '../slack/render/answer.js';

export type PostOutcome =
  | { kind: 'posted'; ts: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /** The channel cannot take posts (bot removed, channel deleted or archived, posting restricted): pause. */
  | { kind: 'channel_unavailable'; error: string }
  /** No answer, or an answer that does not say whether Slack posted: never resend blindly. */
  | { kind: 'unknown'; error: string }
  | { kind: 'failed'; error: string };

/** Where a digest goes: the channel, and the workspace whose bot token posts it. */
export interface PostTarget {
  teamId: string;
  enterpriseId: string | null;
  channel: string;
}

export type Poster = (target: PostTarget, message: Message) => Promise<PostOutcome>;

/** The client that posts for a workspace; undefined when the app is not installed there. */
export type ClientFor = (target: PostTarget) => Promise<webApi.WebClient | undefined>;

/** Refusals that stay until someone changes the channel: the subscription pauses. */
const channelErrors = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/**
 * The client that posts digests: no silent retries (a lost response must not become a second
 * post) and rate limits reported to us rather than waited out inside the client.
 */
export function digestClient(
  token: string,
  apiUrl: string | undefined,
  timeoutMs = 10_000,
): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
}

/** One workspace (SLACK_BOT_TOKEN): the same client for every post. */
export function singleClient(client: webApi.WebClient): ClientFor {
  return async () => client;
}

/** Many workspaces (OAuth): each post uses its workspace's bot token from the installation store. */
export function installedClients(
  botToken: (teamId: string, enterpriseId: string | null) => Promise<string | undefined>,
  apiUrl: string | undefined,
): ClientFor {
  return async (target) => {
    const token = await botToken(target.teamId, target.enterpriseId);
    return token ? digestClient(token, apiUrl) : undefined;
  };
}

export function slackPoster(clientFor: ClientFor): Poster {
  return async (target, message) => {
    let client: webApi.WebClient | undefined;
    try {
      client = await clientFor(target);
    } catch (error) {
      return { kind: 'failed', error: `no token for ${target.teamId}: ${(error as Error).message}` };
    }
    if (!client) return { kind: 'channel_unavailable', error: 'not_installed' };
    try {
      const res = await client.chat.postMessage({
        channel: target.channel,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
      });
      return { kind: 'posted', ts: res.ts ?? '' };
    } catch (error) {
      return outcomeOf(error);
    }
  };
}

export function outcomeOf(error: unknown): PostOutcome {
  const e = error as Partial<webApi.WebAPICallError> & { code?: string };
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { kind: 'rate_limited', retryAfterSeconds: (e as webApi.WebAPIRateLimitedError).retryAfter };
    case webApi.ErrorCode.PlatformError: {
      const code = (e as webApi.WebAPIPlatformError).data.error;
      return channelErrors.has(code)
        ? { kind: 'channel_unavailable', error: code }
        : { kind: 'failed', error: code };
    }
    case webApi.ErrorCode.HTTPError:
      return { kind: 'unknown', error: `HTTP ${(e as webApi.WebAPIHTTPError).statusCode}` };
    default: {
      const message = (error as Error).message ?? String(error);
      // A 429 whose Retry-After the client could not read: Slack refused the post, so it is not
      // "unknown"; wait a minute, as Slack asks of a rate-limited app.
      if (/^Retry header did not contain a valid timeout/.test(message))
        return { kind: 'rate_limited', retryAfterSeconds: 60 };
      return { kind: 'unknown', error: message };
    }
  }
}
