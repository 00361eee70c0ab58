import { webApi } from '@slack/bolt';
import type { Message } from '../slack/render/answer.js';

export type PostOutcome =
  | { kind: 'posted'; ts: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /** The channel cannot take posts (bot removed, channel deleted or archived): pause. */
  | { kind: 'channel_unavailable'; error: string }
  /** No answer, or an answer that does not say whether Slack posted: never resend blindly. */
  | { kind: 'unknown'; error: string }
  | { kind: 'failed'; error: string };

export type Poster = (channel: string, message: Message) => Promise<PostOutcome>;

const channelErrors = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

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

export function slackPoster(client: webApi.WebClient): Poster {
  return async (channel, message) => {
    try {
      const res = await client.chat.postMessage({
        channel,
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
    default:
      return { kind: 'unknown', error: (error as Error).message ?? String(error) };
  }
}
