/**
 * Requests as Slack sends them to a Bolt HTTP app (`POST {base}/slack/events`): signed, with the
 * exact content types Bolt expects, and payloads shaped like Slack's.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { slashCommand } from '../../src/slack/ids.js';
import { dmChannelFor, fakeWorkspace, validateBlocks } from './fake-slack.js';

export interface SendOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed `x-slack-signature`. */
  signature?: string;
  retryNum?: number;
  /** Default 'http_timeout' when retryNum is given. */
  retryReason?: string;
}

export interface SlackResponse {
  status: number;
  body: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

/** The deprecated verification token Slack still puts in every payload. */
const verificationToken = 'vErIfIcAtIoNtOkEn0000000';

export function sign(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface CommandFields {
  text: string;
  response_url: string;
  user_id?: string;
  channel_id?: string;
  team_id?: string;
  trigger_id?: string;
  command?: string;
  user_name?: string;
  channel_name?: string;
}

export async function sendCommand(
  baseUrl: string,
  secret: string,
  fields: CommandFields,
  opts: SendOptions = {},
): Promise<SlackResponse> {
  const form = new URLSearchParams(commandPayload(fields));
  return post(baseUrl, secret, form.toString(), 'application/x-www-form-urlencoded', opts);
}

/** A slash command's fields as Slack sends them: a form over HTTP, an object over Socket Mode. */
export function commandPayload(fields: CommandFields): Record<string, string> {
  const channelId = fields.channel_id ?? fakeWorkspace.channelId;
  // Field order as Slack sends it.
  return {
    token: verificationToken,
    team_id: fields.team_id ?? fakeWorkspace.teamId,
    team_domain: fakeWorkspace.teamDomain,
    channel_id: channelId,
    channel_name: fields.channel_name ?? channelNameFor(channelId),
    user_id: fields.user_id ?? fakeWorkspace.userId,
    user_name: fields.user_name ?? 'tester',
    command: fields.command ?? slashCommand,
    text: fields.text,
    api_app_id: fakeWorkspace.appId,
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? triggerId(),
  };
}

export async function sendEvent(
  baseUrl: string,
  secret: string,
  event: Record<string, unknown>,
  opts: SendOptions & EventOptions = {},
): Promise<SlackResponse> {
  return post(baseUrl, secret, JSON.stringify(eventCallback(event, opts)), 'application/json', opts);
}

export interface EventOptions {
  eventId?: string;
  teamId?: string;
  authorizations?: unknown[];
}

/** The event_callback body Slack sends for `event`, over HTTP or inside a Socket Mode envelope. */
export function eventCallback(
  event: Record<string, unknown>,
  opts: EventOptions = {},
): Record<string, unknown> {
  const teamId = opts.teamId ?? fakeWorkspace.teamId;
  const eventTime = Math.floor(Date.now() / 1000);
  const context = { et: event.type, tid: teamId, aid: fakeWorkspace.appId, cid: event.channel };
  const envelope = {
    token: verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: fakeWorkspace.appId,
    event,
    type: 'event_callback',
    event_id: opts.eventId ?? eventId(),
    event_time: eventTime,
    authorizations: opts.authorizations ?? [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: fakeWorkspace.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify(context)).toString('base64url')}`,
  };
  return envelope;
}

export async function sendAction(
  baseUrl: string,
  secret: string,
  payload: Record<string, unknown>,
  opts: SendOptions = {},
): Promise<SlackResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(baseUrl, secret, body, 'application/x-www-form-urlencoded', opts);
}

export async function sendUrlVerification(
  baseUrl: string,
  secret: string,
  challenge: string,
  opts: SendOptions = {},
): Promise<SlackResponse> {
  const body = JSON.stringify({ token: verificationToken, challenge, type: 'url_verification' });
  return post(baseUrl, secret, body, 'application/json', opts);
}

/** A block_actions payload for a button click, as Slack sends it. */
export function blockActionsPayload(args: {
  actionId: string;
  value: string;
  blockId?: string;
  userId?: string;
  channelId?: string;
  responseUrl: string;
  messageTs?: string;
  threadTs?: string;
  container?: Record<string, unknown>;
  /** The button's label; default the value. */
  text?: string;
  /** The message holding the button; Slack omits it for ephemeral messages. */
  message?: Record<string, unknown>;
}): Record<string, unknown> {
  const userId = args.userId ?? fakeWorkspace.userId;
  const channelId = args.channelId ?? fakeWorkspace.channelId;
  const messageTs = args.messageTs ?? nextTs();
  const container = args.container ?? {
    type: 'message',
    message_ts: messageTs,
    channel_id: channelId,
    is_ephemeral: args.message === undefined,
    ...(args.threadTs === undefined ? {} : { thread_ts: args.threadTs }),
  };
  return {
    type: 'block_actions',
    user: { id: userId, username: 'tester', name: 'tester', team_id: fakeWorkspace.teamId },
    api_app_id: fakeWorkspace.appId,
    token: verificationToken,
    container,
    trigger_id: triggerId(),
    team: { id: fakeWorkspace.teamId, domain: fakeWorkspace.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: channelNameFor(channelId) },
    ...(args.message === undefined ? {} : { message: args.message }),
    state: { values: {} },
    response_url: args.responseUrl,
    actions: [
      {
        action_id: args.actionId,
        block_id: args.blockId ?? randomBlockId(),
        text: { type: 'plain_text', text: args.text ?? args.value, emoji: true },
        value: args.value,
        type: 'button',
        action_ts: nextTs(),
      },
    ],
  };
}

/** A view_submission payload: a modal's form sent, as Slack sends it. */
export function viewSubmissionPayload(args: {
  callbackId: string;
  privateMetadata: unknown;
  /** `state.values`: block id -> action id -> the input's value. */
  values: Record<string, Record<string, unknown>>;
  blocks?: unknown;
  userId?: string;
}): Record<string, unknown> {
  const userId = args.userId ?? fakeWorkspace.userId;
  return {
    type: 'view_submission',
    team: { id: fakeWorkspace.teamId, domain: fakeWorkspace.teamDomain },
    user: { id: userId, username: 'tester', name: 'tester', team_id: fakeWorkspace.teamId },
    api_app_id: fakeWorkspace.appId,
    token: verificationToken,
    trigger_id: triggerId(),
    view: {
      id: 'V0MODAL',
      team_id: fakeWorkspace.teamId,
      type: 'modal',
      callback_id: args.callbackId,
      private_metadata: args.privateMetadata,
      blocks: args.blocks ?? [],
      state: { values: args.values },
      hash: '1.abc',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/**
 * An app_mention event. `text` is used as Slack would send it (already escaped: `&lt;` for `<`);
 * when it does not mention the bot, `<@U0BOT> ` is put in front, as every app_mention has it.
 */
export function mentionEvent(args: {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
}): Record<string, unknown> {
  const botMention = `<@${fakeWorkspace.botUserId}>`;
  const text = args.text.includes(botMention) ? args.text : `${botMention} ${args.text}`;
  const ts = args.ts ?? nextTs();
  return {
    user: args.user ?? fakeWorkspace.userId,
    type: 'app_mention',
    ts,
    client_msg_id: randomUUID(),
    text,
    team: fakeWorkspace.teamId,
    ...(args.threadTs === undefined ? {} : { thread_ts: args.threadTs }),
    blocks: richTextBlocks(text),
    channel: args.channel ?? fakeWorkspace.channelId,
    event_ts: ts,
  };
}

/** A message.im event. With `botId` (or subtype 'bot_message') it is a bot's message, as Slack sends those. */
export function dmEvent(args: {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  subtype?: string;
  botId?: string;
}): Record<string, unknown> {
  const ts = args.ts ?? nextTs();
  const fromBot = args.botId !== undefined || args.subtype === 'bot_message';
  const user = args.user ?? (fromBot ? undefined : fakeWorkspace.userId);
  const botId = args.botId ?? (fromBot ? fakeWorkspace.botId : undefined);
  return {
    type: 'message',
    ...(args.subtype === undefined ? {} : { subtype: args.subtype }),
    text: args.text,
    ...(user === undefined ? {} : { user }),
    ...(botId === undefined
      ? { client_msg_id: randomUUID() }
      : {
          bot_id: botId,
          app_id: fakeWorkspace.appId,
          bot_profile: { id: botId, name: fakeWorkspace.botName },
        }),
    ts,
    team: fakeWorkspace.teamId,
    blocks: richTextBlocks(args.text),
    channel: args.channel ?? dmChannelFor(args.user ?? fakeWorkspace.userId),
    event_ts: ts,
    channel_type: 'im',
  };
}

export function homeOpenedEvent(args: { user?: string }): Record<string, unknown> {
  const user = args.user ?? fakeWorkspace.userId;
  return {
    type: 'app_home_opened',
    user,
    channel: dmChannelFor(user),
    tab: 'home',
    event_ts: nextTs(),
  };
}

// ---- internals -----------------------------------------------------------------------------------

async function post(
  baseUrl: string,
  secret: string,
  rawBody: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  opts: SendOptions,
): Promise<SlackResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    // Exactly this: Bolt answers 400 to `application/x-www-form-urlencoded;charset=UTF-8`.
    'content-type': contentType,
    accept: 'application/json,*/*',
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': opts.signature ?? sign(secret, timestamp, rawBody),
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = opts.retryReason ?? 'http_timeout';
  }
  // A string body, so fetch keeps the content type above.
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/slack/events`, {
    method: 'POST',
    headers,
    body: rawBody,
  });
  const body = await response.text();
  return { status: response.status, body, json: parseJson(body) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function channelNameFor(channelId: string): string {
  if (channelId === fakeWorkspace.channelId) return fakeWorkspace.channelName;
  if (channelId.startsWith('D')) return 'directmessage';
  if (channelId.startsWith('G')) return 'privategroup';
  return channelId.toLowerCase();
}

let tsSequence = 0;
/** Unique, increasing message timestamps near now, like '1732800000.000001'. */
function nextTs(): string {
  tsSequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(tsSequence % 1_000_000).padStart(6, '0')}`;
}

function eventId(): string {
  return `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
}

function triggerId(): string {
  const digits = (length: number): string =>
    Array.from(randomBytes(length), (byte) => String(byte % 10)).join('');
  return `${digits(13)}.${digits(10)}.${randomBytes(16).toString('hex')}`;
}

function randomBlockId(): string {
  return randomBytes(3).toString('base64url').slice(0, 4);
}

/** The rich_text block Slack derives from a message's text (mentions, links, broadcasts, text). */
function richTextBlocks(text: string): Record<string, unknown>[] {
  const elements: Record<string, unknown>[] = [];
  const pushText = (segment: string): void => {
    if (segment !== '') elements.push({ type: 'text', text: unescapeSlack(segment) });
  };
  let last = 0;
  for (const match of text.matchAll(/<([^>]+)>/g)) {
    pushText(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [target = '', label] = (match[1] ?? '').split('|');
    if (target.startsWith('@')) elements.push({ type: 'user', user_id: target.slice(1) });
    else if (target.startsWith('#')) elements.push({ type: 'channel', channel_id: target.slice(1) });
    else if (target.startsWith('!subteam^'))
      elements.push({ type: 'usergroup', usergroup_id: target.slice(9) });
    else if (target.startsWith('!')) elements.push({ type: 'broadcast', range: target.slice(1) });
    else elements.push({ type: 'link', url: target, ...(label === undefined ? {} : { text: label }) });
  }
  pushText(text.slice(last));
  return [
    {
      type: 'rich_text',
      block_id: randomBlockId(),
      elements: [{ type: 'rich_text_section', elements }],
    },
  ];
}

function unescapeSlack(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/**
 * The reply to a slash command, wherever the app put it: in the acknowledgement (the HTTP
 * response) or in a post to the command's response_url.
 */
export async function commandReply(
  res: SlackResponse,
  responses: () => { body: Record<string, unknown> }[],
  waitFor: (predicate: () => boolean) => Promise<void>,
): Promise<Record<string, unknown>> {
  const acked = res.json as Record<string, unknown> | undefined;
  if (acked && typeof acked === 'object' && 'text' in acked) {
    // Slack checks a message in an acknowledgement as strictly as one posted to the Web API.
    const problems = acked.blocks === undefined ? [] : validateBlocks(acked.blocks);
    if (problems.length > 0)
      throw new Error(`Slack would refuse the acknowledgement: ${problems.join('; ')}`);
    return acked;
  }
  await waitFor(() => responses().length > 0);
  return responses()[0]?.body as Record<string, unknown>;
}
