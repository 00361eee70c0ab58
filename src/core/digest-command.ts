import { parseTimeOfDay, resolveZone } from './schedule.js';

export type DigestCommand =
  | { action: 'on'; minutes: number | undefined; zone: string | undefined }
  | { action: 'off' | 'status' | 'preview' | 'help' }
  | { action: 'invalid'; message: string };

const example = '`/nato digest on 09:00 Europe/Amsterdam`';

/** Parses the text after `/nato digest`; undefined when the text is not a digest command. */
export function parseDigestCommand(text: string): DigestCommand | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() !== 'digest') return undefined;
  const [action, ...rest] = words.slice(1);
  switch (action?.toLowerCase()) {
    case undefined:
    case 'help':
      return { action: 'help' };
    case 'off':
    case 'status':
    case 'preview':
      return rest.length === 0
        ? { action: action.toLowerCase() as 'off' | 'status' | 'preview' }
        : { action: 'invalid', message: `\`digest ${action.toLowerCase()}\` takes nothing after it.` };
    case 'on':
      return parseOn(rest);
    default:
      return {
        action: 'invalid',
        message: `I don’t know \`digest ${truncate(action ?? '')}\`. Use \`digest on\`, \`digest off\`, \`digest status\` or \`digest preview\`.`,
      };
  }
}

function parseOn(args: string[]): DigestCommand {
  let minutes: number | undefined;
  let zone: string | undefined;
  // "9 am" arrives as two words: join a bare am/pm to the number before it.
  const tokens = args.reduce<string[]>((acc, w) => {
    if (/^(am|pm)$/i.test(w) && acc.length > 0) acc[acc.length - 1] += w;
    else acc.push(w);
    return acc;
  }, []);
  const notATime = (token: string): DigestCommand => ({
    action: 'invalid',
    message: `“${truncate(token)}” is not a time I can read. Give the time as HH:MM on a 24-hour clock, for example ${example}.`,
  });
  const notAZone = (token: string): DigestCommand => ({
    action: 'invalid',
    message: `“${truncate(token)}” is not a time zone I know. Use an IANA name such as Europe/Amsterdam, America/New_York or UTC, for example ${example}.`,
  });
  for (const token of tokens) {
    const time = token.includes('/') ? undefined : parseTimeOfDay(token);
    if (time !== undefined) {
      if (minutes !== undefined) return notATime(token);
      minutes = time;
      continue;
    }
    // A zone may hold digits too (EST5EDT, Etc/GMT-2).
    const resolved = resolveZone(token);
    if (resolved !== undefined) {
      if (zone !== undefined) return notAZone(token);
      zone = resolved;
      continue;
    }
    if (utcOffset.test(token)) {
      return {
        action: 'invalid',
        message: `“${truncate(token)}” is an offset from UTC, which stays put when summer time comes and goes. Use the IANA name of a place instead, such as Europe/Athens or America/New_York, for example ${example}.`,
      };
    }
    return /\d/.test(token) && !token.includes('/') ? notATime(token) : notAZone(token);
  }
  return { action: 'on', minutes, zone };
}

/** "UTC+2", "GMT-05:00", "+0100", "utc−3". */
const utcOffset = /^(?:utc|gmt)?[+\-−]\d{1,2}(?::?\d{2})?$/i;

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
