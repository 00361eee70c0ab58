import { z } from 'zod';
import { type DatabaseTarget, parseDatabaseUrl } from './store/database.js';
import { parseEncryptionKey } from './store/token-cipher.js';

/**
 * The bot's configuration: one schema, parsed once at start-up. Empty strings count as unset,
 * and every problem is reported at once with the variable's name and how to fix it.
 */

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const token = (prefix: string, where: string) =>
  z
    .string()
    .trim()
    .refine((v) => v.startsWith(prefix) && v.length > prefix.length + 5, {
      message: `must be a token that starts with "${prefix}" (copy it from ${where})`,
    });

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(token('xoxb-', 'your app’s OAuth & Permissions page, "Bot User OAuth Token"')),
  SLACK_APP_TOKEN: optional(
    token('xapp-', 'Basic Information → App-Level Tokens; create one with the connections:write scope'),
  ),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^[a-f0-9]{32,}$/i, {
        message: 'must be the hex "Signing Secret" from your app’s Basic Information page',
      }),
  ),
  PORT: optional(
    z.coerce
      .number({ message: 'must be a whole number between 0 (any free port) and 65535' })
      .int('must be a whole number between 0 (any free port) and 65535')
      .min(0, 'must be a whole number between 0 (any free port) and 65535')
      .max(65535, 'must be a whole number between 0 (any free port) and 65535'),
  ),
  SLACK_API_URL: optional(
    z.url({ message: 'must be a URL such as https://slack.com/api/' }).refine((u) => /^https?:\/\//.test(u), {
      message: 'must be an http(s) URL such as https://slack.com/api/',
    }),
  ),
  LOG_LEVEL: optional(
    z.enum(['debug', 'info', 'warn', 'error'], { message: 'must be one of debug, info, warn, error' }),
  ),
  KNOWLEDGE_DIR: optional(z.string()),
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => !('error' in parseDatabaseUrl(v)), {
        message: 'must be a SQLite file path (./data/nato-bot.sqlite), a file: URL, or a postgres:// URL',
      }),
  ),
  SLACK_CLIENT_ID: optional(
    z
      .string()
      .trim()
      .regex(/^\d+\.\d+$/, { message: 'must be the "Client ID" from Basic Information → App Credentials' }),
  ),
  SLACK_CLIENT_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^[a-f0-9]{32,}$/i, {
        message: 'must be the hex "Client Secret" from Basic Information → App Credentials',
      }),
  ),
  SLACK_STATE_SECRET: optional(
    z.string().trim().min(16, 'must be a random string of at least 16 characters (signs OAuth state)'),
  ),
  TOKEN_ENCRYPTION_KEY: optional(
    z
      .string()
      .trim()
      .refine((v) => parseEncryptionKey(v) !== undefined, {
        message:
          'must be 32 random bytes as base64 or 64 hex digits: generate one with `openssl rand -base64 32`',
      }),
  ),
  DIGEST_TICK_SECONDS: optional(
    z.coerce
      .number({ message: 'must be a number of seconds between 1 and 3600' })
      .int('must be a whole number of seconds between 1 and 3600')
      .min(1, 'must be a number of seconds between 1 and 3600')
      .max(3600, 'must be a number of seconds between 1 and 3600'),
  ),
  CURATOR_USER_IDS: optional(
    z
      .string()
      .trim()
      .regex(/^[UW][A-Z0-9]{2,}(\s*,\s*[UW][A-Z0-9]{2,})*$/, {
        message:
          'must be Slack user ids separated by commas, e.g. U012ABCDEF,U034GHIJKL (Profile → ⋮ → Copy member ID)',
      }),
  ),
  QUESTION_LOG_DAYS: optional(
    z.coerce
      .number({ message: 'must be a whole number of days between 1 and 3650' })
      .int('must be a whole number of days between 1 and 3650')
      .min(1, 'must be a whole number of days between 1 and 3650')
      .max(3650, 'must be a whole number of days between 1 and 3650'),
  ),
});

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

interface Common {
  logLevel: LogLevelName;
  knowledgeDir: string | undefined;
  database: DatabaseTarget;
  digestTickSeconds: number;
  /** Users who may see `/nato report` and run `/nato reload`, besides workspace admins. */
  curatorUserIds: string[];
  /** How long question texts and feedback comments are kept. */
  questionLogDays: number;
  /** Every secret value in the configuration, so logs can mask them. */
  secrets: string[];
}

/** One workspace with a fixed bot token, or many installed through OAuth. */
export type SlackAuth =
  | { kind: 'token'; botToken: string }
  | {
      kind: 'oauth';
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      /** AES-256-GCM key for tokens at rest. */
      encryptionKey: Buffer;
    };

export interface SlackCommon extends Common {
  auth: SlackAuth;
  /** Base URL of the Web API, ending in "/". */
  apiUrl: string | undefined;
  /**
   * HTTP port: Slack's requests in HTTP mode; in Socket Mode only /healthz, /readyz and the
   * OAuth pages.
   */
  port: number;
}

export type Config =
  | (Common & { mode: 'local' })
  | (SlackCommon & { mode: 'socket'; appToken: string })
  | (SlackCommon & { mode: 'http'; signingSecret: string });

export interface ConfigProblem {
  variable: string;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

type SlackVariable =
  | 'SLACK_BOT_TOKEN'
  | 'SLACK_APP_TOKEN'
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_CLIENT_ID'
  | 'SLACK_CLIENT_SECRET'
  | 'SLACK_STATE_SECRET'
  | 'TOKEN_ENCRYPTION_KEY';

/**
 * What is missing beside the Slack variables that are set (`set` says which are): a bot token or
 * OAuth, and a way to receive events. Nothing when none is set: the bot then runs the local chat.
 */
function missingTogether(set: (name: SlackVariable) => boolean): ConfigProblem[] {
  const oauthSet = set('SLACK_CLIENT_ID') || set('SLACK_CLIENT_SECRET') || set('SLACK_STATE_SECRET');
  if (!set('SLACK_BOT_TOKEN') && !set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET') && !oauthSet)
    return [];
  const problems: ConfigProblem[] = [];
  if (oauthSet) {
    const oauthVars = {
      SLACK_CLIENT_ID: 'the "Client ID" from Basic Information → App Credentials',
      SLACK_CLIENT_SECRET: 'the "Client Secret" from Basic Information → App Credentials',
      SLACK_STATE_SECRET: 'a random string of at least 16 characters (`openssl rand -hex 16`)',
      TOKEN_ENCRYPTION_KEY:
        '32 random bytes as base64 (`openssl rand -base64 32`), to encrypt bot tokens at rest',
    } as const;
    for (const [variable, what] of Object.entries(oauthVars)) {
      if (!set(variable as SlackVariable)) {
        problems.push({
          variable,
          message: `is required to install the app in many workspaces (OAuth): set it to ${what}`,
        });
      }
    }
    if (set('SLACK_BOT_TOKEN')) {
      problems.push({
        variable: 'SLACK_BOT_TOKEN',
        message:
          'must be empty when SLACK_CLIENT_ID is set: OAuth installs keep a token per workspace (unset it, or unset the SLACK_CLIENT_* variables for one workspace)',
      });
    }
  } else if (!set('SLACK_BOT_TOKEN')) {
    problems.push({
      variable: 'SLACK_BOT_TOKEN',
      message:
        'is required to connect to Slack: set it to the "Bot User OAuth Token" (xoxb-…) from OAuth & Permissions, or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and TOKEN_ENCRYPTION_KEY to install in many workspaces',
    });
  }
  if (!set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET')) {
    problems.push({
      variable: 'SLACK_APP_TOKEN',
      message:
        'or SLACK_SIGNING_SECRET is required: set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode',
    });
  }
  return problems;
}

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message }));
    // Every problem at once: also what is missing beside them, of the variables that are set.
    const reported = new Set(problems.map((p) => p.variable));
    const missing = missingTogether((name) => Boolean(env[name])).filter((p) => !reported.has(p.variable));
    return { ok: false, problems: [...problems, ...missing] };
  }
  const e = parsed.data;
  const database = parseDatabaseUrl(e.DATABASE_URL) as DatabaseTarget;
  const dbPassword = database.kind === 'postgres' ? passwordOf(database.url) : undefined;
  const secrets = [
    e.SLACK_BOT_TOKEN,
    e.SLACK_APP_TOKEN,
    e.SLACK_SIGNING_SECRET,
    e.SLACK_CLIENT_SECRET,
    e.SLACK_STATE_SECRET,
    e.TOKEN_ENCRYPTION_KEY,
    dbPassword,
  ].filter((v): v is string => typeof v === 'string' && v !== '');
  const common: Common = {
    logLevel: e.LOG_LEVEL ?? 'info',
    knowledgeDir: e.KNOWLEDGE_DIR,
    database,
    digestTickSeconds: e.DIGEST_TICK_SECONDS ?? 30,
    curatorUserIds: e.CURATOR_USER_IDS ? e.CURATOR_USER_IDS.split(',').map((u) => u.trim()) : [],
    questionLogDays: e.QUESTION_LOG_DAYS ?? 90,
    secrets,
  };
  const oauthSet = Boolean(e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET || e.SLACK_STATE_SECRET);
  if (!e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET && !oauthSet) {
    return { ok: true, config: { ...common, mode: 'local' } };
  }
  const problems = missingTogether((name) => Boolean(e[name]));
  if (problems.length > 0) return { ok: false, problems };
  const auth: SlackAuth = oauthSet
    ? {
        kind: 'oauth',
        clientId: e.SLACK_CLIENT_ID as string,
        clientSecret: e.SLACK_CLIENT_SECRET as string,
        stateSecret: e.SLACK_STATE_SECRET as string,
        encryptionKey: parseEncryptionKey(e.TOKEN_ENCRYPTION_KEY as string) as Buffer,
      }
    : { kind: 'token', botToken: e.SLACK_BOT_TOKEN as string };
  const apiUrl = e.SLACK_API_URL
    ? e.SLACK_API_URL.endsWith('/')
      ? e.SLACK_API_URL
      : `${e.SLACK_API_URL}/`
    : undefined;
  const slack: SlackCommon = { ...common, auth, apiUrl, port: e.PORT ?? 3000 };
  if (e.SLACK_APP_TOKEN)
    return { ok: true, config: { ...slack, mode: 'socket', appToken: e.SLACK_APP_TOKEN } };
  return { ok: true, config: { ...slack, mode: 'http', signingSecret: e.SLACK_SIGNING_SECRET as string } };
}

function passwordOf(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === '' ? undefined : password;
  } catch {
    return undefined;
  }
}

export function formatConfigProblems(problems: ConfigProblem[]): string {
  return [
    'nato-bot cannot start: the configuration has problems.',
    ...problems.map((p) => `  ${p.variable} ${p.message}`),
    'Set these in the environment or in a .env file (see .env.example and the README).',
  ].join('\n');
}
