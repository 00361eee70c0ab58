import { z } from 'zod';
import { type DatabaseTarget, parseDatabaseUrl } from './store/database.js';

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
  DIGEST_TICK_SECONDS: optional(
    z.coerce
      .number({ message: 'must be a number of seconds between 1 and 3600' })
      .int('must be a whole number of seconds between 1 and 3600')
      .min(1, 'must be a number of seconds between 1 and 3600')
      .max(3600, 'must be a number of seconds between 1 and 3600'),
  ),
});

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

interface Common {
  logLevel: LogLevelName;
  knowledgeDir: string | undefined;
  database: DatabaseTarget;
  digestTickSeconds: number;
}

export interface SlackConfig extends Common {
  botToken: string;
  /** Base URL of the Web API, ending in "/". */
  apiUrl: string | undefined;
}

export type Config =
  | (Common & { mode: 'local' })
  | (SlackConfig & { mode: 'socket'; appToken: string })
  | (SlackConfig & { mode: 'http'; signingSecret: string; port: number });

export interface ConfigProblem {
  variable: string;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })),
    };
  }
  const e = parsed.data;
  const common: Common = {
    logLevel: e.LOG_LEVEL ?? 'info',
    knowledgeDir: e.KNOWLEDGE_DIR,
    database: parseDatabaseUrl(e.DATABASE_URL) as DatabaseTarget,
    digestTickSeconds: e.DIGEST_TICK_SECONDS ?? 30,
  };
  if (!e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    return { ok: true, config: { ...common, mode: 'local' } };
  }
  const problems: ConfigProblem[] = [];
  if (!e.SLACK_BOT_TOKEN) {
    problems.push({
      variable: 'SLACK_BOT_TOKEN',
      message:
        'is required to connect to Slack: set it to the "Bot User OAuth Token" (xoxb-…) from OAuth & Permissions',
    });
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push({
      variable: 'SLACK_APP_TOKEN',
      message:
        'or SLACK_SIGNING_SECRET is required: set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode',
    });
  }
  if (problems.length > 0 || !e.SLACK_BOT_TOKEN) return { ok: false, problems };
  const apiUrl = e.SLACK_API_URL
    ? e.SLACK_API_URL.endsWith('/')
      ? e.SLACK_API_URL
      : `${e.SLACK_API_URL}/`
    : undefined;
  const slack: SlackConfig = { ...common, botToken: e.SLACK_BOT_TOKEN, apiUrl };
  if (e.SLACK_APP_TOKEN)
    return { ok: true, config: { ...slack, mode: 'socket', appToken: e.SLACK_APP_TOKEN } };
  return {
    ok: true,
    config: { ...slack, mode: 'http', signingSecret: e.SLACK_SIGNING_SECRET as string, port: e.PORT ?? 3000 },
  };
}

export function formatConfigProblems(problems: ConfigProblem[]): string {
  return [
    'nato-bot cannot start: the configuration has problems.',
    ...problems.map((p) => `  ${p.variable} ${p.message}`),
    'Set these in the environment or in a .env file (see .env.example and the README).',
  ].join('\n');
}
