import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  actionIds,
  apiMethodScopes,
  botEvents,
  commandScopes,
  eventScopes,
  slashCommand,
} from '../../src/slack/ids.js';

const root = resolve(import.meta.dirname, '../..');
const manifestPath = resolve(root, 'manifest.yml');
const srcDir = resolve(root, 'src');

// Length limits from Slack's app manifest schema, version 1.0.0 (display_information and bot_user).
// Copied here on purpose: the test must not read the schema file at run time.
const NAME_MAX = 35;
const DESCRIPTION_MAX = 140;
const LONG_DESCRIPTION_MIN = 175;
const LONG_DESCRIPTION_MAX = 4000;
const BOT_DISPLAY_NAME_MAX = 80;

/** Bolt serves events, commands and interactivity on this one path in HTTP mode. */
const HTTP_ENDPOINT = /^https:\/\/[^/\s]+\/slack\/events$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`settings.interactivity.is_enabled`, `features.slash_commands.0`), or undefined. */
function get(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isRecord(current)) current = current[key];
    else return undefined;
  }
  return current;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every scope the code needs, with what needs it. */
function neededScopes(): Map<string, string[]> {
  const needs = new Map<string, string[]>();
  const add = (scope: string, reason: string): void => {
    needs.set(scope, [...(needs.get(scope) ?? []), reason]);
  };
  for (const scope of commandScopes) add(scope, `command ${slashCommand}`);
  for (const event of botEvents) for (const scope of eventScopes[event]) add(scope, `event ${event}`);
  for (const [method, scopes] of Object.entries(apiMethodScopes))
    for (const scope of scopes) add(scope, method);
  return needs;
}

/** Compares a declared list with the expected one, both ways. */
function listProblems(label: string, expected: readonly string[], declared: readonly unknown[]): string[] {
  const problems: string[] = [];
  for (const item of expected) if (!declared.includes(item)) problems.push(`missing ${label} ${item}`);
  const seen = new Set<unknown>();
  for (const item of declared) {
    if (typeof item !== 'string') problems.push(`${label} ${JSON.stringify(item)} is not a string`);
    else if (seen.has(item)) problems.push(`duplicate ${label} ${item}`);
    else if (!expected.includes(item)) problems.push(`unexpected ${label} ${item}`);
    seen.add(item);
  }
  return problems;
}

/** Everything wrong with a parsed manifest, judged against src/slack/ids.ts; [] when it is right. */
function manifestProblems(manifest: unknown): string[] {
  const problems: string[] = [];

  const texts: [path: string, max: number][] = [
    ['display_information.name', NAME_MAX],
    ['display_information.description', DESCRIPTION_MAX],
    ['features.bot_user.display_name', BOT_DISPLAY_NAME_MAX],
  ];
  for (const [path, max] of texts) {
    const text = get(manifest, path);
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${path} is missing`);
    else if (text.length > max) problems.push(`${path} is longer than ${max} characters`);
  }
  const long = get(manifest, 'display_information.long_description');
  if (typeof long !== 'string') problems.push('display_information.long_description is missing');
  else if (long.length < LONG_DESCRIPTION_MIN || long.length > LONG_DESCRIPTION_MAX) {
    problems.push(
      `display_information.long_description has ${long.length} characters, ` +
        `not ${LONG_DESCRIPTION_MIN}..${LONG_DESCRIPTION_MAX}`,
    );
  }

  const commands = list(get(manifest, 'features.slash_commands'));
  problems.push(
    ...listProblems(
      'slash command',
      [slashCommand],
      commands.map((command) => get(command, 'command')),
    ),
  );

  problems.push(
    ...listProblems('bot event', botEvents, list(get(manifest, 'settings.event_subscriptions.bot_events'))),
  );
  problems.push(
    ...listProblems('user event', [], list(get(manifest, 'settings.event_subscriptions.user_events'))),
  );

  const needed = neededScopes();
  const scopes = get(manifest, 'oauth_config.scopes');
  const granted = list(get(scopes, 'bot'));
  for (const problem of listProblems('bot scope', [...needed.keys()], granted)) {
    const scope = problem.replace(/^missing bot scope /, '');
    const reasons = problem.startsWith('missing ') ? needed.get(scope) : undefined;
    problems.push(
      reasons ? `${problem} (needed by ${reasons.join(', ')})` : problem.replace(/^unexpected /, 'unneeded '),
    );
  }
  // The app uses only the bot token, so any other kind of scope is more than it needs.
  for (const [kind, others] of Object.entries(isRecord(scopes) ? scopes : {})) {
    if (kind === 'bot') continue;
    for (const scope of list(others)) {
      problems.push(`unneeded ${kind.replace('_', ' ')} scope ${String(scope)}`);
    }
  }

  const actions = Object.values(actionIds);
  if (actions.length > 0 && get(manifest, 'settings.interactivity.is_enabled') !== true) {
    problems.push(`settings.interactivity.is_enabled must be true (actions ${actions.join(', ')})`);
  }

  const events: readonly string[] = botEvents;
  if (events.includes('app_home_opened') && get(manifest, 'features.app_home.home_tab_enabled') !== true) {
    problems.push('features.app_home.home_tab_enabled must be true (event app_home_opened)');
  }
  if (events.includes('message.im')) {
    if (get(manifest, 'features.app_home.messages_tab_enabled') !== true) {
      problems.push('features.app_home.messages_tab_enabled must be true (event message.im)');
    }
    if (get(manifest, 'features.app_home.messages_tab_read_only_enabled') !== false) {
      problems.push('features.app_home.messages_tab_read_only_enabled must be false (event message.im)');
    }
  }

  // Socket Mode needs no URL; HTTP mode needs all three, on the one endpoint Bolt serves.
  if (get(manifest, 'settings.socket_mode_enabled') !== true) {
    const command = commands.find((entry) => get(entry, 'command') === slashCommand);
    const urls: [path: string, url: unknown][] = [
      ['settings.event_subscriptions.request_url', get(manifest, 'settings.event_subscriptions.request_url')],
      ['settings.interactivity.request_url', get(manifest, 'settings.interactivity.request_url')],
      [`features.slash_commands[${slashCommand}].url`, get(command, 'url')],
    ];
    for (const [path, url] of urls) {
      if (typeof url !== 'string') problems.push(`${path} is required in HTTP mode`);
      else if (!HTTP_ENDPOINT.test(url)) problems.push(`${path} must be https://<host>/slack/events`);
    }
    if (new Set(urls.map(([, url]) => url)).size > 1) {
      problems.push('HTTP mode: events, interactivity and the slash command must use the same URL');
    }
  }

  return problems;
}

/** Web API methods named in source text: `client.chat.postMessage(` and `client.apiCall('chat.update'`. */
function findApiCalls(source: string): string[] {
  const calls: string[] = [];
  for (const match of source.matchAll(
    /(?:\bclient|[a-z0-9]Client)\s*\.\s*((?:[a-z][a-zA-Z]*\s*\.\s*)+[a-zA-Z]+)\s*\(/g,
  )) {
    if (match[1] !== undefined) calls.push(match[1].replace(/\s+/g, ''));
  }
  for (const match of source.matchAll(/\.apiCall\(\s*['"`]([\w.]+)['"`]/g)) {
    if (match[1] !== undefined) calls.push(match[1]);
  }
  return calls;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
    })
    .sort();
}

/** `file: method` for each call whose method has no entry in apiMethodScopes. */
function unlistedCalls(calls: readonly { file: string; method: string }[]): string[] {
  return calls
    .filter(({ method }) => !Object.hasOwn(apiMethodScopes, method))
    .map((c) => `${c.file}: ${c.method}`);
}

const document = parseDocument(readFileSync(manifestPath, 'utf8'));
const manifest: unknown = document.toJS();

function mutated(edit: (copy: unknown) => void): unknown {
  const copy = structuredClone(manifest);
  edit(copy);
  return copy;
}

/** The object at a dotted path of a manifest copy, to edit it; throws if there is none. */
function at(value: unknown, path: string): Record<string, unknown> {
  const found = get(value, path);
  if (!isRecord(found)) throw new Error(`no object at ${path}`);
  return found;
}

function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === 'string');
}

describe('manifest.yml', () => {
  it('is well-formed YAML without duplicate keys', () => {
    expect(document.errors.map(String)).toEqual([]);
    expect(document.warnings.map(String)).toEqual([]);
    expect(isRecord(manifest)).toBe(true);
  });

  it('matches src/slack/ids.ts', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('declares exactly the slash command the code handles', () => {
    const commands = list(get(manifest, 'features.slash_commands')).map((c) => get(c, 'command'));
    expect(commands).toEqual([slashCommand]);
  });

  it('subscribes to exactly the bot events the code handles', () => {
    const events = strings(get(manifest, 'settings.event_subscriptions.bot_events'));
    expect(new Set(events)).toEqual(new Set(botEvents));
    expect(events).toHaveLength(botEvents.length);
  });

  it('grants exactly the bot scopes the code needs', () => {
    const granted = strings(get(manifest, 'oauth_config.scopes.bot'));
    expect([...granted].sort()).toEqual([...neededScopes().keys()].sort());
  });

  it('enables interactivity, the Home tab and the Messages tab', () => {
    expect(get(manifest, 'settings.interactivity.is_enabled')).toBe(true);
    expect(get(manifest, 'features.app_home.home_tab_enabled')).toBe(true);
    expect(get(manifest, 'features.app_home.messages_tab_enabled')).toBe(true);
    expect(get(manifest, 'features.app_home.messages_tab_read_only_enabled')).toBe(false);
  });

  it('names the app and its bot user', () => {
    expect(get(manifest, 'display_information.name')).toBe('nato-bot');
    expect(get(manifest, 'features.bot_user.display_name')).toBe('nato-bot');
    const long = get(manifest, 'display_information.long_description');
    expect(typeof long).toBe('string');
    expect(String(long).length).toBeGreaterThanOrEqual(LONG_DESCRIPTION_MIN);
    expect(String(long).length).toBeLessThanOrEqual(LONG_DESCRIPTION_MAX);
  });
});

describe('manifestProblems on a broken copy of the manifest', () => {
  const cases: { name: string; edit: (copy: unknown) => void; expected: string[] }[] = [
    {
      name: 'a missing event',
      edit: (copy) => {
        const subscriptions = at(copy, 'settings.event_subscriptions');
        subscriptions.bot_events = strings(subscriptions.bot_events).filter((e) => e !== 'message.im');
      },
      expected: ['missing bot event message.im'],
    },
    {
      name: 'an extra event',
      edit: (copy) => {
        const subscriptions = at(copy, 'settings.event_subscriptions');
        subscriptions.bot_events = [...strings(subscriptions.bot_events), 'message.channels'];
      },
      expected: ['unexpected bot event message.channels'],
    },
    {
      name: 'a user event',
      edit: (copy) => {
        at(copy, 'settings.event_subscriptions').user_events = ['message.im'];
      },
      expected: ['unexpected user event message.im'],
    },
    {
      name: 'an extra scope',
      edit: (copy) => {
        const scopes = at(copy, 'oauth_config.scopes');
        scopes.bot = [...strings(scopes.bot), 'channels:history'];
      },
      expected: ['unneeded bot scope channels:history'],
    },
    {
      name: 'a duplicated scope',
      edit: (copy) => {
        const scopes = at(copy, 'oauth_config.scopes');
        scopes.bot = [...strings(scopes.bot), 'chat:write'];
      },
      expected: ['duplicate bot scope chat:write'],
    },
    {
      name: 'a user scope',
      edit: (copy) => {
        at(copy, 'oauth_config.scopes').user = ['users:read'];
      },
      expected: ['unneeded user scope users:read'],
    },
    {
      name: 'a missing command scope',
      edit: (copy) => {
        const scopes = at(copy, 'oauth_config.scopes');
        scopes.bot = strings(scopes.bot).filter((s) => s !== 'commands');
      },
      expected: [`missing bot scope commands (needed by command ${slashCommand})`],
    },
    {
      name: 'a missing event scope',
      edit: (copy) => {
        const scopes = at(copy, 'oauth_config.scopes');
        scopes.bot = strings(scopes.bot).filter((s) => s !== 'im:history');
      },
      expected: ['missing bot scope im:history (needed by event message.im)'],
    },
    {
      name: 'a missing Web API scope',
      edit: (copy) => {
        const scopes = at(copy, 'oauth_config.scopes');
        scopes.bot = strings(scopes.bot).filter((s) => s !== 'users:read');
      },
      expected: ['missing bot scope users:read (needed by users.info)'],
    },
    {
      name: 'a missing command',
      edit: (copy) => {
        at(copy, 'features').slash_commands = [];
      },
      expected: [`missing slash command ${slashCommand}`],
    },
    {
      name: 'a renamed command',
      edit: (copy) => {
        at(copy, 'features.slash_commands.0').command = '/natobot';
      },
      expected: [`missing slash command ${slashCommand}`, 'unexpected slash command /natobot'],
    },
    {
      name: 'interactivity off',
      edit: (copy) => {
        at(copy, 'settings.interactivity').is_enabled = false;
      },
      expected: [
        `settings.interactivity.is_enabled must be true (actions ${Object.values(actionIds).join(', ')})`,
      ],
    },
    {
      name: 'the Home tab off',
      edit: (copy) => {
        at(copy, 'features.app_home').home_tab_enabled = false;
      },
      expected: ['features.app_home.home_tab_enabled must be true (event app_home_opened)'],
    },
    {
      name: 'the Messages tab off',
      edit: (copy) => {
        at(copy, 'features.app_home').messages_tab_enabled = false;
      },
      expected: ['features.app_home.messages_tab_enabled must be true (event message.im)'],
    },
    {
      name: 'a read-only Messages tab',
      edit: (copy) => {
        at(copy, 'features.app_home').messages_tab_read_only_enabled = true;
      },
      expected: ['features.app_home.messages_tab_read_only_enabled must be false (event message.im)'],
    },
    {
      name: 'no app name',
      edit: (copy) => {
        delete at(copy, 'display_information').name;
      },
      expected: ['display_information.name is missing'],
    },
    {
      name: 'no bot user',
      edit: (copy) => {
        delete at(copy, 'features').bot_user;
      },
      expected: ['features.bot_user.display_name is missing'],
    },
    {
      name: 'a too long app name',
      edit: (copy) => {
        at(copy, 'display_information').name = 'n'.repeat(NAME_MAX + 1);
      },
      expected: [`display_information.name is longer than ${NAME_MAX} characters`],
    },
    {
      name: 'a too short long_description',
      edit: (copy) => {
        at(copy, 'display_information').long_description = 'x'.repeat(LONG_DESCRIPTION_MIN - 1);
      },
      expected: [
        `display_information.long_description has ${LONG_DESCRIPTION_MIN - 1} characters, ` +
          `not ${LONG_DESCRIPTION_MIN}..${LONG_DESCRIPTION_MAX}`,
      ],
    },
    {
      name: 'a too long long_description',
      edit: (copy) => {
        at(copy, 'display_information').long_description = 'x'.repeat(LONG_DESCRIPTION_MAX + 1);
      },
      expected: [
        `display_information.long_description has ${LONG_DESCRIPTION_MAX + 1} characters, ` +
          `not ${LONG_DESCRIPTION_MIN}..${LONG_DESCRIPTION_MAX}`,
      ],
    },
    {
      name: 'HTTP mode without request URLs',
      edit: (copy) => {
        at(copy, 'settings').socket_mode_enabled = false;
      },
      expected: [
        'settings.event_subscriptions.request_url is required in HTTP mode',
        'settings.interactivity.request_url is required in HTTP mode',
        `features.slash_commands[${slashCommand}].url is required in HTTP mode`,
      ],
    },
    {
      name: 'HTTP mode with a command URL on another endpoint',
      edit: (copy) => {
        at(copy, 'settings').socket_mode_enabled = false;
        at(copy, 'settings.event_subscriptions').request_url = 'https://bot.example.org/slack/events';
        at(copy, 'settings.interactivity').request_url = 'https://bot.example.org/slack/events';
        at(copy, 'features.slash_commands.0').url = 'https://bot.example.org/slack/commands';
      },
      expected: [
        `features.slash_commands[${slashCommand}].url must be https://<host>/slack/events`,
        'HTTP mode: events, interactivity and the slash command must use the same URL',
      ],
    },
  ];

  it.each(cases)('reports $name', ({ edit, expected }) => {
    expect(manifestProblems(mutated(edit))).toEqual(expected);
  });

  it('accepts the limits themselves and a complete HTTP-mode setup', () => {
    const atLimits = mutated((copy) => {
      at(copy, 'display_information').name = 'n'.repeat(NAME_MAX);
      at(copy, 'display_information').long_description = 'x'.repeat(LONG_DESCRIPTION_MIN);
    });
    expect(manifestProblems(atLimits)).toEqual([]);
    const longest = mutated((copy) => {
      at(copy, 'display_information').long_description = 'x'.repeat(LONG_DESCRIPTION_MAX);
    });
    expect(manifestProblems(longest)).toEqual([]);
    const http = mutated((copy) => {
      at(copy, 'settings').socket_mode_enabled = false;
      at(copy, 'settings.event_subscriptions').request_url = 'https://bot.example.org/slack/events';
      at(copy, 'settings.interactivity').request_url = 'https://bot.example.org/slack/events';
      at(copy, 'features.slash_commands.0').url = 'https://bot.example.org/slack/events';
    });
    expect(manifestProblems(http)).toEqual([]);
  });

  it('leaves the real manifest untouched', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });
});

describe('Web API calls in src/', () => {
  const files = sourceFiles(srcDir);
  const calls = files.flatMap((file) =>
    findApiCalls(readFileSync(file, 'utf8')).map((method) => ({ file: relative(root, file), method })),
  );

  it('reads every .ts file under src/', () => {
    expect(files).toContain(resolve(srcDir, 'slack/ids.ts'));
  });

  it('finds calls in source text', () => {
    const source = [
      'await client.chat.postMessage({ channel, text });',
      'await app.client.admin.conversations.restrictAccess.addGroup({});',
      'await webClient.views.publish({ user_id, view });',
      'await client.chat',
      '  .postEphemeral({ channel, user, text });',
      "await client.apiCall('chat.update', {});",
      'client.on(event); clients.chat.notACall; client.chat.update',
    ].join('\n');
    expect(findApiCalls(source)).toEqual([
      'chat.postMessage',
      'admin.conversations.restrictAccess.addGroup',
      'views.publish',
      'chat.postEphemeral',
      'chat.update',
    ]);
  });

  it('reports a call whose method has no scope entry', () => {
    expect(
      unlistedCalls([
        { file: 'src/a.ts', method: 'chat.postMessage' },
        { file: 'src/b.ts', method: 'chat.update' },
        { file: 'src/c.ts', method: 'toString' },
      ]),
    ).toEqual(['src/b.ts: chat.update', 'src/c.ts: toString']);
  });

  it('lists every method the code calls in apiMethodScopes', () => {
    expect(unlistedCalls(calls)).toEqual([]);
  });
});
