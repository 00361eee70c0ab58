/**
 * A strict local fake of the Slack Web API (and of response_url), for end-to-end tests that run the
 * real Bolt app over real HTTP. It answers like Slack, including Slack's refusals, so a test fails
 * where Slack would refuse what the bot sends. Rules come from Slack's docs and OpenAPI spec; they
 * are written out here so that nothing at run time depends on those files.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { botScopes } from '../../src/slack/ids.js';

export interface RecordedCall {
  method: string;
  /** Arguments as received; `blocks`, `attachments`, `view` and `metadata` are parsed from JSON. */
  args: Record<string, unknown>;
  token: string | undefined;
  /** True when a `failNext` failure answered this call. */
  failed?: boolean;
  /** The Slack error code answered (`ok: false`), if any. */
  error?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface RejectedResponseUrlPost {
  id: string;
  body: unknown;
  status: number;
  error: string;
}

export type FakeFailure =
  | { error: string }
  | { status: 429; retryAfter: number }
  | { hang: true }
  | { status: number };

export interface FakeUser {
  tz?: string;
  is_admin?: boolean;
  real_name?: string;
  /** false: users.info answers user_not_found. */
  exists?: boolean;
}

export interface FakeChannel {
  is_member?: boolean;
  is_archived?: boolean;
  exists?: boolean;
  name?: string;
  /** The other member of a DM (D…) channel. */
  user?: string;
  /**
   * Web API methods this channel refuses, with the error Slack answers, once the token and the
   * channel check out: `{ 'chat.postMessage': 'restricted_action' }` is an announcement channel,
   * where only admins may post.
   */
  refuses?: Record<string, string>;
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL / WebClient slackApiUrl, ending in '/api/'. */
  readonly apiUrl: string;
  /** A response_url served by the fake; posts to it are recorded under `id`. */
  responseUrl(id: string): string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Accepted posts to response URLs. */
  readonly responses: ResponseUrlPost[];
  responsesTo(id: string): ResponseUrlPost[];
  /** Posts to response URLs that the fake refused (invalid blocks, used_url, injected failures). */
  readonly rejectedResponses: RejectedResponseUrlPost[];
  /** Resolves when `predicate()` is true (polling ~10ms); rejects after timeoutMs listing the calls seen. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** The next `times` calls to `method` succeed, but the answer comes `ms` later (a slow Slack). */
  delayNext(method: string, ms: number, times?: number): void;
  /** The next `times` calls to `method` fail this way; `method` 'response_url' targets response URL posts. */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  setUser(id: string, user: FakeUser): void;
  setChannel(id: string, channel: FakeChannel): void;
  /**
   * Prepares an OAuth install: oauth.v2.access with `code` answers for this workspace (or org)
   * with a new bot token, which the fake then accepts. Returns that token.
   */
  grantInstall(code: string, workspace: FakeInstall): string;
  /** The workspace (team, or org for an org-wide install) a token issued by grantInstall belongs to. */
  tokenOwner(token: string | undefined): string | undefined;
  /** Clears calls, responses and failures (users, channels, posted messages and the ts clock remain). */
  reset(): void;
  close(): Promise<void>;
  /**
   * Socket Mode: apps.connections.open (with an xapp- token) answers a WebSocket URL served here,
   * which says hello on connecting, as Slack's does.
   */
  readonly socket: FakeSocketMode;
}

export interface FakeSocketMode {
  /** Open connections. */
  readonly open: number;
  /**
   * Sends an envelope (`events_api`, `slash_commands` or `interactive`) over the open connection;
   * resolves with the app's acknowledgement (its `payload`, if any), as Slack waits for one.
   */
  send(type: 'events_api' | 'slash_commands' | 'interactive', payload: Json): Promise<Json | undefined>;
  /** Closes every connection; with `refuse`, refuses new ones until `accept()`, as during an outage. */
  drop(options?: { refuse?: boolean }): void;
  /** Asks each open connection to reconnect, as Slack does every few hours ("refresh_requested"). */
  refresh(): void;
  accept(): void;
}

export interface FakeInstall {
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  /** An org-wide (Enterprise Grid) install: no team, keyed by the enterprise. */
  isEnterpriseInstall?: boolean;
}

/** The workspace the fake pretends to be; slack-requests.ts uses the same ids. */
export const fakeWorkspace = {
  teamId: 'T0TEST',
  teamName: 'NATO Test',
  teamDomain: 'nato-test',
  appId: 'A0NATO',
  botUserId: 'U0BOT',
  botId: 'B0BOT',
  botName: 'nato-bot',
  userId: 'U0USER',
  channelId: 'C0GENERAL',
  channelName: 'general',
} as const;

/** The DM channel between the bot and `userId`, as the fake names it (U0USER -> D0USERDM). */
export function dmChannelFor(userId: string): string {
  return `D${userId.slice(1)}DM`;
}

type Json = Record<string, unknown>;

interface Answer {
  status: number;
  body: Json | string;
  headers?: Record<string, string>;
}

const supportedMethods = new Set([
  'apps.connections.open',
  'auth.test',
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'views.publish',
  'views.open',
  'users.info',
  'conversations.info',
  'oauth.v2.access',
]);
/** Methods whose caller proves itself with client_id/client_secret instead of a token. */
const tokenlessMethods = new Set(['oauth.v2.access']);
const jsonArgs = ['blocks', 'attachments', 'view', 'metadata'];
const channelIdPattern = /^[CDG][A-Z0-9]{2,}$/;
const userIdPattern = /^[UW][A-Z0-9]{2,}$/;
const tsPattern = /^\d{10}\.\d{6}$/;
const maxTextLength = 40_000;
const maxResponseUrlPosts = 5;
const created = 1_700_000_000;

export async function startFakeSlack(options: { botToken?: string } = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const rejectedResponses: RejectedResponseUrlPost[] = [];
  const responseUrlUses = new Map<string, number>();
  const failures = new Map<string, FakeFailure[]>();
  const delays = new Map<string, number[]>();
  const users = new Map<string, FakeUser>();
  const channels = new Map<string, FakeChannel>();
  /** Messages posted through the fake, by `${channel}/${ts}`: chat.update may only touch these. */
  const messages = new Set<string>();
  const homeViews = new Map<string, { id: string; hash: string }>();
  const usedOauthCodes = new Set<string>();
  const grants = new Map<string, FakeInstall & { token: string }>();
  /** Tokens issued through grantInstall, by token: the owning team (or org). */
  const issued = new Map<string, FakeInstall>();
  const sockets = new Set<Socket>();
  let tsCounter = 0;
  /** Where apps.connections.open sends the app: this server, once it listens. */
  let socketBase = (): string => 'ws://fake.invalid';
  let idCounter = 0;

  /** Unique, increasing message timestamps, '1700000000.000100', '1700000000.000200', … */
  const nextTs = (): string => {
    tsCounter += 1;
    const micros = created * 1_000_000 + tsCounter * 100;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
  const nextId = (prefix: string): string => {
    idCounter += 1;
    return `${prefix}0FAKE${String(idCounter).padStart(4, '0')}`;
  };

  const takeFailure = (method: string): FakeFailure | undefined => {
    const queue = failures.get(method);
    const failure = queue?.shift();
    if (queue !== undefined && queue.length === 0) failures.delete(method);
    return failure;
  };

  const channelState = (
    id: string,
  ): Required<Omit<FakeChannel, 'name' | 'user' | 'refuses'>> & FakeChannel => {
    const set = channels.get(id);
    const known = set !== undefined || channelIdPattern.test(id);
    return {
      exists: known && set?.exists !== false,
      is_member: set?.is_member ?? true,
      is_archived: set?.is_archived ?? false,
      ...(set?.name === undefined ? {} : { name: set.name }),
      ...(set?.user === undefined ? {} : { user: set.user }),
    };
  };
  /** The error a channel answers to `method`, as the test set it (`FakeChannel.refuses`). */
  const refusedIn = (channel: string | undefined, method: string): string | undefined => {
    const refuses = channel === undefined ? undefined : channels.get(channel)?.refuses;
    return refuses !== undefined && Object.hasOwn(refuses, method) ? refuses[method] : undefined;
  };
  const userExists = (id: string): boolean => userIdPattern.test(id) && users.get(id)?.exists !== false;

  // ---- Web API methods -------------------------------------------------------------------------

  const botIdentity = (token: string | undefined): Json =>
    token?.startsWith('xoxp-')
      ? { user: fakeWorkspace.userId }
      : {
          user: fakeWorkspace.botUserId,
          bot_id: fakeWorkspace.botId,
          app_id: fakeWorkspace.appId,
          bot_profile: {
            id: fakeWorkspace.botId,
            app_id: fakeWorkspace.appId,
            name: fakeWorkspace.botName,
            icons: {},
            deleted: false,
            updated: created,
            team_id: fakeWorkspace.teamId,
          },
        };

  /** Resolves `channel` for posting: a channel id, or a user id (Slack posts to the DM with them). */
  const postableChannel = (
    args: Json,
    allowUserId: boolean,
    notMemberError: string,
  ): { channel: string } | { error: string } => {
    const raw = stringArg(args.channel);
    if (raw === undefined || raw === '') return { error: 'channel_not_found' };
    if (allowUserId && userIdPattern.test(raw)) {
      return userExists(raw) ? { channel: dmChannelFor(raw) } : { error: 'channel_not_found' };
    }
    const state = channelState(raw);
    if (!state.exists) return { error: 'channel_not_found' };
    if (state.is_archived) return { error: 'is_archived' };
    if (!state.is_member) return { error: notMemberError };
    return { channel: raw };
  };

  /** Checks text/blocks/attachments of a message; returns an error answer or undefined. */
  const checkMessageContent = (args: Json, pointerBase: string): Json | undefined => {
    const text = stringArg(args.text) ?? '';
    const { blocks, attachments } = args;
    if (blocks !== undefined && !Array.isArray(blocks)) {
      return slackError('invalid_blocks_format', [
        problem('must be a JSON array of blocks', `${pointerBase}`),
      ]);
    }
    if (attachments !== undefined && !Array.isArray(attachments)) return slackError('invalid_attachments');
    if (Array.isArray(attachments) && attachments.length > 100) return slackError('too_many_attachments');
    const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
    const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
    if (text === '' && !hasBlocks && !hasAttachments) return slackError('no_text');
    if (chars(text) > maxTextLength) return slackError('msg_too_long');
    if (blocks !== undefined) {
      const problems = checkBlocks(blocks, pointerBase, 50);
      if (problems.length > 0) return slackError('invalid_blocks', problems);
    }
    return undefined;
  };

  const checkThreadTs = (args: Json): Json | undefined => {
    if (args.thread_ts === undefined) return undefined;
    const threadTs = stringArg(args.thread_ts);
    return threadTs !== undefined && tsPattern.test(threadTs) ? undefined : slackError('invalid_thread_ts');
  };

  const echoedMessage = (args: Json, ts: string, token: string | undefined): Json => {
    const message: Json = {
      ...botIdentity(token),
      type: 'message',
      ts,
      text: stringArg(args.text) ?? '',
      team: fakeWorkspace.teamId,
    };
    if (Array.isArray(args.blocks)) message.blocks = withBlockIds(args.blocks);
    if (Array.isArray(args.attachments)) message.attachments = args.attachments;
    const threadTs = stringArg(args.thread_ts);
    if (threadTs !== undefined) message.thread_ts = threadTs;
    return message;
  };

  const handlers: Record<string, (args: Json, token: string | undefined) => Json> = {
    'apps.connections.open': () => ({
      ok: true,
      url: `${socketBase()}/link/?ticket=${nextId('')}&app_id=${fakeWorkspace.appId}`,
    }),
    'auth.test': (_args, token) => ({
      ok: true,
      url: `https://${fakeWorkspace.teamDomain}.slack.com/`,
      team: fakeWorkspace.teamName,
      team_id: (token === undefined ? undefined : issued.get(token)?.teamId) ?? fakeWorkspace.teamId,
      ...(token !== undefined && issued.get(token)?.enterpriseId
        ? { enterprise_id: issued.get(token)?.enterpriseId }
        : {}),
      is_enterprise_install: token !== undefined && issued.get(token)?.isEnterpriseInstall === true,
      ...(token?.startsWith('xoxp-')
        ? { user: 'tester', user_id: fakeWorkspace.userId }
        : { user: fakeWorkspace.botName, user_id: fakeWorkspace.botUserId, bot_id: fakeWorkspace.botId }),
    }),

    'chat.postMessage': (args, token) => {
      const target = postableChannel(args, true, 'not_in_channel');
      if ('error' in target) return slackError(target.error);
      const refused = checkMessageContent(args, '/blocks') ?? checkThreadTs(args);
      if (refused !== undefined) return refused;
      const ts = nextTs();
      messages.add(`${target.channel}/${ts}`);
      return { ok: true, channel: target.channel, ts, message: echoedMessage(args, ts, token) };
    },

    'chat.postEphemeral': (args) => {
      const user = stringArg(args.user);
      if (user === undefined || user === '') {
        return slackError('invalid_arguments', [problem('missing required field: user', '/user')]);
      }
      const target = postableChannel(args, false, 'channel_not_found');
      if ('error' in target) return slackError(target.error);
      if (!userExists(user)) return slackError('user_not_in_channel');
      const refused = checkMessageContent(args, '/blocks') ?? checkThreadTs(args);
      if (refused !== undefined) return refused;
      return { ok: true, message_ts: nextTs() };
    },

    'chat.update': (args, token) => {
      const target = postableChannel(args, false, 'channel_not_found');
      if ('error' in target) return slackError(target.error);
      const ts = stringArg(args.ts);
      if (ts === undefined || ts === '') {
        return slackError('invalid_arguments', [problem('missing required field: ts', '/ts')]);
      }
      if (!messages.has(`${target.channel}/${ts}`)) return slackError('message_not_found');
      const refused = checkMessageContent(args, '/blocks');
      if (refused !== undefined) return refused;
      const message = echoedMessage(args, ts, token);
      return { ok: true, channel: target.channel, ts, text: message.text, message };
    },

    'views.open': (args) => {
      const trigger = stringArg(args.trigger_id);
      if (!trigger) {
        return slackError('invalid_arguments', [
          problem('missing required field: trigger_id', '/trigger_id'),
        ]);
      }
      const problems = validateModalView(args.view);
      if (problems.length > 0) return slackError('invalid_arguments', problems);
      return { ok: true, view: { id: nextId('V'), type: 'modal', team_id: fakeWorkspace.teamId } };
    },

    'views.publish': (args) => {
      const userId = stringArg(args.user_id);
      if (userId === undefined || userId === '') {
        return slackError('invalid_arguments', [problem('missing required field: user_id', '/user_id')]);
      }
      if (!userExists(userId)) return slackError('user_not_found');
      const { view } = args;
      if (view === undefined) {
        return slackError('invalid_arguments', [problem('missing required field: view', '/view')]);
      }
      const problems = validateHomeView(view);
      if (problems.length > 0 || !isRecord(view)) return slackError('invalid_arguments', problems);
      const previous = homeViews.get(userId);
      const hash = stringArg(args.hash);
      if (hash !== undefined && previous !== undefined && hash !== previous.hash) {
        return slackError('hash_conflict');
      }
      const current = { id: previous?.id ?? nextId('V'), hash: `${created}.${nextId('h')}` };
      homeViews.set(userId, current);
      return {
        ok: true,
        view: {
          id: current.id,
          team_id: fakeWorkspace.teamId,
          type: 'home',
          blocks: Array.isArray(view.blocks) ? withBlockIds(view.blocks) : [],
          private_metadata: stringArg(view.private_metadata) ?? '',
          callback_id: stringArg(view.callback_id) ?? '',
          state: { values: {} },
          hash: current.hash,
          title: { type: 'plain_text', text: 'View Title', emoji: true },
          clear_on_close: false,
          notify_on_close: false,
          close: null,
          submit: null,
          previous_view_id: null,
          root_view_id: current.id,
          app_id: fakeWorkspace.appId,
          external_id: stringArg(view.external_id) ?? '',
          app_installed_team_id: fakeWorkspace.teamId,
          bot_id: fakeWorkspace.botId,
        },
      };
    },

    'users.info': (args) => {
      const id = stringArg(args.user);
      if (id === undefined || !userExists(id)) return slackError('user_not_found');
      return { ok: true, user: userObject(id, users.get(id)) };
    },

    'conversations.info': (args) => {
      const id = stringArg(args.channel);
      if (id === undefined) return slackError('channel_not_found');
      const state = channelState(id);
      if (!state.exists) return slackError('channel_not_found');
      return { ok: true, channel: conversationObject(id, state) };
    },

    'oauth.v2.access': (args) => {
      if (stringArg(args.client_id) === undefined) return slackError('invalid_client_id');
      if (stringArg(args.client_secret) === undefined) return slackError('bad_client_secret');
      const code = stringArg(args.code);
      if (code === undefined || code === '' || usedOauthCodes.has(code)) return slackError('invalid_code');
      usedOauthCodes.add(code);
      // A code from grantInstall answers for that workspace; any other for the default one.
      const grant = grants.get(code);
      const org = grant?.isEnterpriseInstall === true;
      return {
        ok: true,
        app_id: fakeWorkspace.appId,
        authed_user: { id: fakeWorkspace.userId },
        // What the app asks for at install (ids.ts), as Slack reports the granted scopes.
        scope: botScopes.join(','),
        token_type: 'bot',
        access_token: grant?.token ?? options.botToken ?? `xoxb-${nextId('token')}`,
        bot_user_id: fakeWorkspace.botUserId,
        team: org
          ? null
          : grant
            ? { id: grant.teamId ?? fakeWorkspace.teamId, name: grant.teamName ?? grant.teamId }
            : { id: fakeWorkspace.teamId, name: fakeWorkspace.teamName },
        enterprise: grant?.enterpriseId ? { id: grant.enterpriseId, name: grant.enterpriseId } : null,
        is_enterprise_install: org,
      };
    },
  };

  const checkToken = (method: string, token: string | undefined): string | undefined => {
    if (tokenlessMethods.has(method)) return undefined;
    if (token === undefined || token === '') return 'not_authed';
    // Only an app-level token opens a socket, and it opens nothing else.
    if ((method === 'apps.connections.open') !== token.startsWith('xapp-')) return 'not_allowed_token_type';
    if (method === 'apps.connections.open') return undefined;
    if (!token.startsWith('xoxb-') && !token.startsWith('xoxp-')) return 'invalid_auth';
    if (issued.has(token)) return undefined;
    if (options.botToken !== undefined && token !== options.botToken) return 'invalid_auth';
    return undefined;
  };

  const webApi = (method: string, request: ParsedRequest): Answer | 'hang' => {
    const { args, token } = request;
    const call: RecordedCall = { method, args, token };
    calls.push(call);
    const failure = takeFailure(method);
    if (failure !== undefined) {
      call.failed = true;
      const answer = failureAnswer(failure);
      if (answer !== 'hang' && typeof answer.body !== 'string' && typeof answer.body.error === 'string') {
        call.error = answer.body.error;
      }
      return answer;
    }
    const handler = supportedMethods.has(method) ? handlers[method] : undefined;
    let body: Json;
    if (handler === undefined) body = slackError('unknown_method');
    else if (request.error !== undefined) body = slackError(request.error);
    else {
      const error = checkToken(method, token) ?? refusedIn(stringArg(args.channel), method);
      body = error === undefined ? handler(args, token) : slackError(error);
    }
    if (body.ok !== true && typeof body.error === 'string') call.error = body.error;
    return { status: 200, body };
  };

  // ---- response_url ------------------------------------------------------------------------------

  const responseUrlPost = (id: string, raw: string): Answer | 'hang' => {
    const reject = (status: number, error: string, body: unknown): Answer => {
      rejectedResponses.push({ id, body, status, error });
      return { status, body: error };
    };
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return reject(400, 'invalid_payload', raw);
    }
    const failure = takeFailure('response_url');
    if (failure !== undefined) {
      const answer = failureAnswer(failure);
      if (answer !== 'hang') rejectedResponses.push({ id, body, status: answer.status, error: 'injected' });
      return answer;
    }
    if (!isRecord(body)) return reject(400, 'invalid_payload', body);
    const uses = responseUrlUses.get(id) ?? 0;
    if (uses >= maxResponseUrlPosts) return reject(404, 'used_url', body);
    const problem = checkResponseBody(body);
    if (problem !== undefined) return reject(400, problem, body);
    responseUrlUses.set(id, uses + 1);
    responses.push({ id, body });
    return { status: 200, body: 'ok' };
  };

  // ---- HTTP plumbing -----------------------------------------------------------------------------

  const server = createServer((req, res) => {
    void handleRequest(req, res);
  });
  // Node closes an idle connection after five seconds. A test that holds the event loop longer (a
  // model learning all at once does, on a slow machine) would have the client's next request meet
  // a socket closed under it: a flake of the test, not of the bot, which learns in steps.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      res.destroy(); // the client went away mid-request
      return;
    }
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    let answer: Answer | 'hang';
    const apiMatch = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    const responseMatch = /^\/response\/([^/]+)$/.exec(url.pathname);
    if (apiMatch?.[1] !== undefined) {
      answer = webApi(apiMatch[1], parseRequest(req, url, raw));
      const delay = delays.get(apiMatch[1])?.shift();
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    } else if (responseMatch?.[1] !== undefined && req.method === 'POST') {
      answer = responseUrlPost(decodeURIComponent(responseMatch[1]), raw);
    } else {
      answer = { status: 404, body: 'not_found' };
    }
    if (answer === 'hang') return; // the socket stays open until the client gives up or close()
    const isJson = typeof answer.body !== 'string';
    res.writeHead(answer.status, {
      'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      ...answer.headers,
    });
    res.end(isJson ? JSON.stringify(answer.body) : answer.body);
  };

  // ---- Socket Mode -------------------------------------------------------------------------------

  const wss = new WebSocketServer({ noServer: true });
  const connections = new Set<WebSocket>();
  const acks = new Map<string, (payload: unknown) => void>();
  let refusing = false;
  server.on('upgrade', (req, socket, head) => {
    if (refusing || !(req.url ?? '').startsWith('/link/')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      connections.add(ws);
      ws.on('close', () => connections.delete(ws));
      ws.on('message', (data) => {
        let reply: unknown;
        try {
          reply = JSON.parse(String(data));
        } catch {
          return;
        }
        if (!isRecord(reply) || typeof reply.envelope_id !== 'string') return;
        acks.get(reply.envelope_id)?.(reply.payload);
        acks.delete(reply.envelope_id);
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: connections.size,
          debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: fakeWorkspace.appId },
        }),
      );
    });
  });
  const socketMode: FakeSocketMode = {
    get open() {
      return connections.size;
    },
    send(type, payload) {
      const [ws] = connections;
      if (ws === undefined) return Promise.reject(new Error('no Socket Mode connection is open'));
      const envelopeId = `${nextId('env')}-${randomSuffix()}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no acknowledgement of ${envelopeId}`)), 10_000);
        acks.set(envelopeId, (ack: unknown) => {
          clearTimeout(timer);
          // Bolt acknowledges with {} when there is nothing to show.
          if (ack === undefined || (isRecord(ack) && Object.keys(ack).length === 0)) resolve(undefined);
          // A reply in the acknowledgement is shown as a response_url post would be, and refused alike.
          else if (!isRecord(ack))
            reject(new Error(`acknowledgement payload is no object: ${JSON.stringify(ack)}`));
          else {
            const problem = checkResponseBody(ack);
            if (problem === undefined) resolve(ack);
            else
              reject(
                new Error(
                  `Slack would refuse the acknowledgement's reply (${problem}): ${JSON.stringify(ack)}`,
                ),
              );
          }
        });
        ws.send(
          JSON.stringify({
            envelope_id: envelopeId,
            payload,
            type,
            accepts_response_payload: type !== 'events_api',
            retry_attempt: 0,
            retry_reason: '',
          }),
        );
      });
    },
    drop(options = {}) {
      refusing = options.refuse ?? false;
      for (const ws of connections) ws.terminate();
    },
    accept() {
      refusing = false;
    },
    refresh() {
      for (const ws of connections) {
        ws.send(
          JSON.stringify({
            type: 'disconnect',
            reason: 'refresh_requested',
            debug_info: { host: 'fake-slack' },
          }),
        );
      }
    },
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  socketBase = () => `ws://127.0.0.1:${port}`;

  const describeSeen = (): string => {
    const lines = calls.map((call) => {
      const outcome = call.error === undefined ? 'ok' : call.error;
      return `  ${call.method} ${truncate(JSON.stringify(call.args), 300)} -> ${outcome}`;
    });
    for (const post of responses)
      lines.push(`  response_url ${post.id} ${truncate(JSON.stringify(post.body), 300)}`);
    for (const post of rejectedResponses) {
      lines.push(
        `  response_url ${post.id} REFUSED ${post.status} ${post.error}: ${truncate(JSON.stringify(post.body), 300)}`,
      );
    }
    return lines.length === 0 ? '  (none)' : lines.join('\n');
  };

  let closed = false;
  return {
    socket: socketMode,
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    responses,
    responsesTo: (id) => responses.filter((post) => post.id === id),
    rejectedResponses,
    async waitFor(predicate, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() >= deadline) {
          throw new Error(
            `fake Slack: condition not met within ${timeoutMs} ms. Seen so far:\n${describeSeen()}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    delayNext(method, ms, times = 1) {
      delays.set(method, [...(delays.get(method) ?? []), ...Array.from({ length: times }, () => ms)]);
    },
    failNext(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    setUser(id, user) {
      if (user.tz !== undefined) tzOffsetSeconds(user.tz); // throws RangeError on an unknown zone
      users.set(id, { ...users.get(id), ...user });
    },
    setChannel(id, channel) {
      channels.set(id, { ...channels.get(id), ...channel });
    },
    grantInstall(code, workspace) {
      const owner = workspace.isEnterpriseInstall ? workspace.enterpriseId : workspace.teamId;
      const token = `xoxb-${owner ?? 'T'}-${nextId('')}-${randomSuffix()}`;
      grants.set(code, { ...workspace, token });
      issued.set(token, workspace);
      return token;
    },
    tokenOwner(token) {
      const owner = token === undefined ? undefined : issued.get(token);
      return owner?.isEnterpriseInstall ? owner.enterpriseId : owner?.teamId;
    },
    reset() {
      calls.length = 0;
      responses.length = 0;
      rejectedResponses.length = 0;
      responseUrlUses.clear();
      failures.clear();
      delays.clear();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const socket of sockets) socket.destroy();
      for (const ws of connections) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---- request parsing -----------------------------------------------------------------------------

interface ParsedRequest {
  args: Json;
  token: string | undefined;
  /** A Slack error for a body Slack could not read (invalid_json, invalid_post_type, …). */
  error?: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(req: IncomingMessage, url: URL, raw: string): ParsedRequest {
  const args: Json = Object.fromEntries(url.searchParams);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let error: string | undefined;
  let bodyIsJson = false;
  if (raw.length > 0) {
    if (contentType === 'application/x-www-form-urlencoded') {
      Object.assign(args, Object.fromEntries(new URLSearchParams(raw)));
    } else if (contentType === 'application/json') {
      bodyIsJson = true;
      try {
        const parsed: unknown = JSON.parse(raw);
        if (isRecord(parsed)) Object.assign(args, parsed);
        else error = 'json_not_object';
      } catch {
        error = 'invalid_json';
      }
    } else {
      error = contentType === '' ? 'missing_post_type' : 'invalid_post_type';
    }
  }
  // Slack reads the token of a JSON body only from the Authorization header.
  const bodyToken = bodyIsJson ? undefined : stringArg(args.token);
  delete args.token;
  const authorization = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  const basic = /^Basic\s+(.+)$/i.exec(authorization)?.[1];
  if (basic !== undefined) {
    // oauth.v2.access may authenticate the app with HTTP Basic auth.
    const [clientId, ...secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    args.client_id ??= clientId;
    args.client_secret ??= secret.join(':');
  }
  for (const key of jsonArgs) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // left as a string: the method answers with its own *_format / invalid_arguments error
    }
  }
  return { args, token: bearer ?? bodyToken, ...(error === undefined ? {} : { error }) };
}

function failureAnswer(failure: FakeFailure): Answer | 'hang' {
  if ('hang' in failure) return 'hang';
  if ('error' in failure) return { status: 200, body: slackError(failure.error) };
  if ('retryAfter' in failure) {
    return {
      status: 429,
      headers: { 'retry-after': String(failure.retryAfter) },
      body: { ok: false, error: 'ratelimited' },
    };
  }
  return { status: failure.status, body: { ok: false, error: 'fatal_error' } };
}

// ---- answers -------------------------------------------------------------------------------------

function slackError(error: string, messages: string[] = []): Json {
  if (messages.length === 0) return { ok: false, error };
  return {
    ok: false,
    error,
    errors: messages.map((message) => message.replace(/^\[ERROR\] /, '')),
    response_metadata: { messages },
  };
}

function userObject(id: string, user: FakeUser | undefined): Json {
  const isBot = id === fakeWorkspace.botUserId;
  const tz = user?.tz ?? 'UTC';
  const realName = user?.real_name ?? (isBot ? fakeWorkspace.botName : `User ${id}`);
  return {
    id,
    team_id: fakeWorkspace.teamId,
    name: isBot ? fakeWorkspace.botName : id.toLowerCase(),
    deleted: false,
    color: '9f69e7',
    real_name: realName,
    tz,
    tz_label: tzLabel(tz),
    tz_offset: tzOffsetSeconds(tz),
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: '',
      display_name_normalized: '',
      status_text: '',
      status_emoji: '',
      avatar_hash: 'g0000000000',
      team: fakeWorkspace.teamId,
      ...(isBot ? { bot_id: fakeWorkspace.botId, api_app_id: fakeWorkspace.appId } : {}),
    },
    is_admin: user?.is_admin ?? false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: isBot,
    is_app_user: false,
    updated: created,
    is_email_confirmed: !isBot,
    who_can_share_contact_card: 'EVERYONE',
  };
}

function conversationObject(
  id: string,
  state: FakeChannel & { is_member: boolean; is_archived: boolean },
): Json {
  if (id.startsWith('D')) {
    // Slack's IM objects carry neither `name` nor `is_member`.
    const user = state.user ?? (id.endsWith('DM') ? `U${id.slice(1, -2)}` : fakeWorkspace.userId);
    return {
      id,
      created,
      is_archived: state.is_archived,
      is_im: true,
      is_org_shared: false,
      context_team_id: fakeWorkspace.teamId,
      updated: created * 1000,
      user,
      is_user_deleted: false,
      priority: 0,
    };
  }
  const name = state.name ?? (id === fakeWorkspace.channelId ? fakeWorkspace.channelName : id.toLowerCase());
  const isPrivate = id.startsWith('G');
  const topic = { value: '', creator: '', last_set: 0 };
  return {
    id,
    name,
    is_channel: !isPrivate,
    is_group: isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: isPrivate,
    created,
    is_archived: state.is_archived,
    is_general: id === fakeWorkspace.channelId,
    unlinked: 0,
    name_normalized: name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: fakeWorkspace.teamId,
    updated: created * 1000,
    parent_conversation: null,
    creator: fakeWorkspace.userId,
    is_ext_shared: false,
    shared_team_ids: [fakeWorkspace.teamId],
    pending_connected_team_ids: [],
    is_member: state.is_member,
    topic,
    purpose: topic,
    previous_names: [],
  };
}

/** Slack fills in a block_id for blocks sent without one. */
function withBlockIds(blocks: unknown[]): unknown[] {
  return blocks.map((block, index) =>
    isRecord(block) && block.block_id === undefined ? { ...block, block_id: `b${index}fk` } : block,
  );
}

function checkResponseBody(body: Json): string | undefined {
  const responseType = body.response_type;
  if (responseType !== undefined && responseType !== 'in_channel' && responseType !== 'ephemeral') {
    return 'invalid_payload';
  }
  if (body.delete_original === true || body.delete_original === 'true') return undefined;
  const text = typeof body.text === 'string' ? body.text : '';
  const { blocks } = body;
  if (blocks !== undefined && !Array.isArray(blocks)) return 'invalid_blocks';
  if (text === '' && !(Array.isArray(blocks) && blocks.length > 0) && !Array.isArray(body.attachments)) {
    return 'no_text';
  }
  if (chars(text) > maxTextLength) return 'msg_too_long';
  if (blocks !== undefined && checkBlocks(blocks, '/blocks', 50).length > 0) return 'invalid_blocks';
  return undefined;
}

// ---- Block Kit -----------------------------------------------------------------------------------

const knownBlockTypes = new Set(['section', 'context', 'actions', 'header', 'divider', 'rich_text', 'input']);
/** Real Slack blocks this fake does not model: refused so nobody relies on an unchecked shape. */
const unmodelledBlockTypes = new Set(['image', 'file', 'video', 'call', 'markdown', 'table']);
const blockKeys: Record<string, string[]> = {
  section: ['type', 'block_id', 'text', 'fields', 'accessory', 'expand'],
  context: ['type', 'block_id', 'elements'],
  actions: ['type', 'block_id', 'elements'],
  header: ['type', 'block_id', 'text'],
  divider: ['type', 'block_id'],
  rich_text: ['type', 'block_id', 'elements'],
  input: ['type', 'block_id', 'label', 'element', 'optional', 'hint', 'dispatch_action'],
};
const plainTextInputKeys = [
  'type',
  'action_id',
  'multiline',
  'max_length',
  'min_length',
  'placeholder',
  'initial_value',
  'focus_on_load',
  'dispatch_action_config',
];
const buttonKeys = ['type', 'text', 'action_id', 'url', 'value', 'style', 'confirm', 'accessibility_label'];
const imageKeys = ['type', 'image_url', 'alt_text', 'slack_file'];
const textKeys = ['type', 'text', 'emoji', 'verbatim'];

function problem(message: string, pointer: string): string {
  return `[ERROR] ${message} [json-pointer:${pointer}]`;
}

/**
 * The fake's Block Kit rules, for renderer tests that want them without HTTP: returns Slack-style
 * `[ERROR] … [json-pointer:/blocks/…]` messages, empty when Slack would accept the blocks.
 */
export function validateBlocks(blocks: unknown, surface: 'message' | 'home' = 'message'): string[] {
  return surface === 'home' ? checkBlocks(blocks, '/view/blocks', 100) : checkBlocks(blocks, '/blocks', 50);
}

function checkBlocks(blocks: unknown, pointer: string, maxBlocks: number): string[] {
  const out: string[] = [];
  if (!Array.isArray(blocks)) return [problem('must be an array', pointer)];
  if (blocks.length > maxBlocks) out.push(problem(`no more than ${maxBlocks} items allowed`, pointer));
  const blockIds = new Set<string>();
  blocks.forEach((block: unknown, index) => {
    const at = `${pointer}/${index}`;
    if (!isRecord(block)) {
      out.push(problem('must be an object', at));
      return;
    }
    const type = block.type;
    if (typeof type !== 'string' || !knownBlockTypes.has(type)) {
      const why =
        typeof type === 'string' && unmodelledBlockTypes.has(type) ? ' (not modelled by the fake)' : '';
      out.push(problem(`unsupported block type: ${String(type)}${why}`, `${at}/type`));
      return;
    }
    checkKeys(block, blockKeys[type] ?? [], at, out);
    if (block.block_id !== undefined) {
      const id = block.block_id;
      if (typeof id !== 'string' || id === '')
        out.push(problem('must be a non-empty string', `${at}/block_id`));
      else if (chars(id) > 255) out.push(problem('must be less than 256 characters', `${at}/block_id`));
      else if (blockIds.has(id)) out.push(problem(`duplicate block_id: ${id}`, `${at}/block_id`));
      else blockIds.add(id);
    }
    switch (type) {
      case 'section':
        checkSection(block, at, out);
        break;
      case 'header':
        checkText(block.text, `${at}/text`, out, { max: 150, plainOnly: true });
        break;
      case 'context':
        checkElements(block.elements, `${at}/elements`, 10, out, (element, elementAt) => {
          if (isRecord(element) && element.type === 'image') checkImage(element, elementAt, out);
          else checkText(element, elementAt, out, { max: 3000 });
        });
        break;
      case 'actions': {
        const actionIds = new Set<string>();
        checkElements(block.elements, `${at}/elements`, 25, out, (element, elementAt) =>
          checkInteractive(element, elementAt, actionIds, out),
        );
        break;
      }
      case 'input': {
        checkText(block.label, `${at}/label`, out, { max: 2000, plainOnly: true });
        const element = block.element;
        if (!isRecord(element) || element.type !== 'plain_text_input') {
          out.push(problem('only plain_text_input elements are modelled by the fake', `${at}/element`));
          break;
        }
        checkKeys(element, plainTextInputKeys, `${at}/element`, out);
        checkString(element.action_id, `${at}/element/action_id`, 255, out);
        if (
          element.max_length !== undefined &&
          (typeof element.max_length !== 'number' || element.max_length > 3000)
        ) {
          out.push(problem('max_length must be a number no greater than 3000', `${at}/element/max_length`));
        }
        if (element.placeholder !== undefined) {
          checkText(element.placeholder, `${at}/element/placeholder`, out, { max: 150, plainOnly: true });
        }
        break;
      }
      case 'rich_text':
        if (!Array.isArray(block.elements) || block.elements.length === 0) {
          out.push(problem('must provide at least 1 element', `${at}/elements`));
        }
        break;
      default:
        break;
    }
  });
  return out;
}

function checkSection(block: Json, at: string, out: string[]): void {
  if (block.text === undefined && block.fields === undefined) {
    out.push(problem('must provide either text or fields', at));
  }
  if (block.text !== undefined) checkText(block.text, `${at}/text`, out, { max: 3000 });
  if (block.fields !== undefined) {
    checkElements(block.fields, `${at}/fields`, 10, out, (field, fieldAt) =>
      checkText(field, fieldAt, out, { max: 2000 }),
    );
  }
  if (block.accessory !== undefined) {
    const accessory = block.accessory;
    if (isRecord(accessory) && accessory.type === 'image') checkImage(accessory, `${at}/accessory`, out);
    else checkInteractive(accessory, `${at}/accessory`, new Set(), out);
  }
}

function checkElements(
  elements: unknown,
  at: string,
  max: number,
  out: string[],
  check: (element: unknown, elementAt: string) => void,
): void {
  if (!Array.isArray(elements) || elements.length === 0) {
    out.push(problem('must provide at least 1 item', at));
    return;
  }
  if (elements.length > max) out.push(problem(`no more than ${max} items allowed`, at));
  for (const [index, element] of elements.entries()) check(element, `${at}/${index}`);
}

function checkInteractive(element: unknown, at: string, actionIds: Set<string>, out: string[]): void {
  if (!isRecord(element)) {
    out.push(problem('must be an object', at));
    return;
  }
  if (element.type !== 'button') {
    out.push(
      problem(`unsupported element type: ${String(element.type)} (the fake models button)`, `${at}/type`),
    );
    return;
  }
  checkKeys(element, buttonKeys, at, out);
  checkText(element.text, `${at}/text`, out, { max: 75, plainOnly: true });
  const { action_id: actionId, value, url, style } = element;
  if (actionId !== undefined) {
    if (typeof actionId !== 'string' || actionId === '') {
      out.push(problem('must be a non-empty string', `${at}/action_id`));
    } else if (chars(actionId) > 255) {
      out.push(problem('must be less than 256 characters', `${at}/action_id`));
    } else if (actionIds.has(actionId)) {
      out.push(problem(`duplicate action_id: ${actionId}`, `${at}/action_id`));
    } else {
      actionIds.add(actionId);
    }
  }
  checkString(value, `${at}/value`, 2000, out);
  checkString(url, `${at}/url`, 3000, out);
  if (style !== undefined && style !== 'primary' && style !== 'danger') {
    out.push(problem('must be one of: primary, danger', `${at}/style`));
  }
  checkString(element.accessibility_label, `${at}/accessibility_label`, 75, out);
  if (element.confirm !== undefined) checkConfirm(element.confirm, `${at}/confirm`, out);
}

function checkConfirm(confirm: unknown, at: string, out: string[]): void {
  if (!isRecord(confirm)) {
    out.push(problem('must be an object', at));
    return;
  }
  checkKeys(confirm, ['title', 'text', 'confirm', 'deny', 'style'], at, out);
  checkText(confirm.title, `${at}/title`, out, { max: 100, plainOnly: true });
  checkText(confirm.text, `${at}/text`, out, { max: 300 });
  checkText(confirm.confirm, `${at}/confirm`, out, { max: 30, plainOnly: true });
  checkText(confirm.deny, `${at}/deny`, out, { max: 30, plainOnly: true });
  if (confirm.style !== undefined && confirm.style !== 'primary' && confirm.style !== 'danger') {
    out.push(problem('must be one of: primary, danger', `${at}/style`));
  }
}

function checkImage(element: Json, at: string, out: string[]): void {
  checkKeys(element, imageKeys, at, out);
  if (element.image_url === undefined && element.slack_file === undefined) {
    out.push(problem('must provide either image_url or slack_file', at));
  }
  checkString(element.image_url, `${at}/image_url`, 3000, out);
  if (typeof element.alt_text !== 'string' || element.alt_text === '') {
    out.push(problem('must be a non-empty string', `${at}/alt_text`));
  } else {
    checkString(element.alt_text, `${at}/alt_text`, 2000, out);
  }
}

function checkText(
  value: unknown,
  at: string,
  out: string[],
  { max, plainOnly = false }: { max: number; plainOnly?: boolean },
): void {
  if (!isRecord(value)) {
    out.push(problem('must be a text object', at));
    return;
  }
  checkKeys(value, textKeys, at, out);
  const { type, text, emoji, verbatim } = value;
  if (plainOnly && type !== 'plain_text') {
    out.push(problem('must be plain_text', `${at}/type`));
  } else if (type !== 'plain_text' && type !== 'mrkdwn') {
    out.push(problem('must be one of: plain_text, mrkdwn', `${at}/type`));
  }
  if (typeof text !== 'string') out.push(problem('must be a string', `${at}/text`));
  else if (text === '') out.push(problem('must be more than 0 characters', `${at}/text`));
  else if (chars(text) > max) out.push(problem(`must be less than ${max + 1} characters`, `${at}/text`));
  if (emoji !== undefined) {
    if (type !== 'plain_text') out.push(problem('emoji is only allowed on plain_text', `${at}/emoji`));
    else if (typeof emoji !== 'boolean') out.push(problem('must be a boolean', `${at}/emoji`));
  }
  if (verbatim !== undefined) {
    if (type !== 'mrkdwn') out.push(problem('verbatim is only allowed on mrkdwn', `${at}/verbatim`));
    else if (typeof verbatim !== 'boolean') out.push(problem('must be a boolean', `${at}/verbatim`));
  }
}

function checkString(value: unknown, at: string, max: number, out: string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string') out.push(problem('must be a string', at));
  else if (chars(value) > max) out.push(problem(`must be less than ${max + 1} characters`, at));
}

function checkKeys(value: Json, allowed: string[], at: string, out: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) out.push(problem(`unexpected property: ${key}`, `${at}/${key}`));
  }
}

/** A modal for views.open: title, submit and close are plain text of at most 24 characters. */
export function validateModalView(view: unknown): string[] {
  if (!isRecord(view)) return [problem('must be a JSON object', '/view')];
  const out: string[] = [];
  if (view.type !== 'modal') out.push(problem('views.open only accepts type modal', '/view/type'));
  checkText(view.title, '/view/title', out, { max: 24, plainOnly: true });
  if (view.submit !== undefined) checkText(view.submit, '/view/submit', out, { max: 24, plainOnly: true });
  if (view.close !== undefined) checkText(view.close, '/view/close', out, { max: 24, plainOnly: true });
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isRecord(b) && b.type === 'input');
  if (hasInput && view.submit === undefined)
    out.push(problem('a modal with inputs needs submit', '/view/submit'));
  if (view.blocks === undefined) out.push(problem('missing required field: blocks', '/view/blocks'));
  else out.push(...checkBlocks(view.blocks, '/view/blocks', 100));
  checkString(view.private_metadata, '/view/private_metadata', 3000, out);
  checkString(view.callback_id, '/view/callback_id', 255, out);
  return out;
}

function validateHomeView(view: unknown): string[] {
  if (!isRecord(view)) return [problem('must be a JSON object', '/view')];
  const out: string[] = [];
  if (view.type !== 'home') out.push(problem('views.publish only accepts type home', '/view/type'));
  if (view.blocks === undefined) out.push(problem('missing required field: blocks', '/view/blocks'));
  else out.push(...checkBlocks(view.blocks, '/view/blocks', 100));
  checkString(view.private_metadata, '/view/private_metadata', 3000, out);
  checkString(view.callback_id, '/view/callback_id', 255, out);
  checkString(view.external_id, '/view/external_id', 255, out);
  return out;
}

// ---- small helpers -------------------------------------------------------------------------------

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 12);
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArg(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Slack counts characters, not UTF-16 units. */
function chars(text: string): number {
  return [...text].length;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function tzOffsetSeconds(tz: string): number {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    // Slack may know a zone newer than this machine's time-zone data: a test can give one.
    return 0;
  }
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '');
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function tzLabel(tz: string): string {
  try {
    return (
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value ?? tz
    );
  } catch {
    return tz;
  }
}
