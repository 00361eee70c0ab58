import { etcGmtOffsetHours, formatTimeOfDay, parseTimeOfDay, resolveZone } from './schedule.js';

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
  // "9 am" and "9 a.m." arrive as two words: join a bare am/pm to the number before it, keeping
  // what was typed for a message.
  const tokens = args.reduce<{ text: string; typed: string }[]>((acc, w) => {
    const last = acc.at(-1);
    if (meridiem.test(w) && last && /^\d/.test(last.text)) {
      last.text += w;
      last.typed += ` ${w}`;
    } else acc.push({ text: w, typed: w });
    return acc;
  }, []);
  const invalid = (message: string): DigestCommand => ({ action: 'invalid', message });
  const notATime = (token: string): DigestCommand =>
    invalid(
      `“${truncate(token)}” is not a time I can read. Give the time as HH:MM on a 24-hour clock, for example ${example}.`,
    );
  const notAZone = (token: string): DigestCommand =>
    invalid(
      `“${truncate(token)}” is not a time zone I know. Use an IANA name such as Europe/Amsterdam, America/New_York or UTC, for example ${example}.`,
    );
  const oneOnly = (what: string, first: string, second: string): DigestCommand =>
    invalid(
      `One ${what} please: I read ${first === second ? `${first} twice` : `both ${first} and ${second}`}. Give just one, for example ${example}.`,
    );
  const usePlace = `Use the IANA name of a place instead, such as Europe/Berlin or America/New_York, for example ${example}.`;
  for (const { text: token, typed } of tokens) {
    const time = token.includes('/') ? undefined : parseTimeOfDay(token);
    if (time !== undefined) {
      if (minutes !== undefined) return oneOnly('time', formatTimeOfDay(minutes), formatTimeOfDay(time));
      minutes = time;
      continue;
    }
    // "9 am pm", or an am/pm with no number before it.
    if (meridiem.test(token) || twoMeridiems.test(token)) {
      return invalid(
        `“${truncate(typed)}” is not a clear time. Give am or pm once, just after the time, or use a 24-hour clock, for example ${example}.`,
      );
    }
    // A zone may hold digits too (EST5EDT, Etc/GMT-2).
    const resolved = resolveZone(token);
    if (resolved !== undefined) {
      const hours = etcGmtOffsetHours(resolved);
      if (hours !== undefined) {
        return invalid(
          `“${truncate(token)}” is a fixed offset with its sign reversed: it means UTC${hours < 0 ? '−' : '+'}${Math.abs(hours)}, and stays put when summer time comes and goes. ${usePlace}`,
        );
      }
      if (zone !== undefined) return oneOnly('time zone', zone, resolved);
      zone = resolved;
      continue;
    }
    if (utcOffset.test(token)) {
      return invalid(
        `“${truncate(token)}” is an offset from UTC, which stays put when summer time comes and goes. ${usePlace}`,
      );
    }
    return /\d/.test(token) && !token.includes('/') ? notATime(token) : notAZone(token);
  }
  return { action: 'on', minutes, zone };
}

/** "am", "p.m.". */
const meridiem = /^[ap]\.?m\.?$/i;
/** "9ampm", from "9 am pm". */
const twoMeridiems = /^[\d:.h]+(?:[ap]\.?m\.?){2,}$/i;

/** "UTC+2", "GMT-05:00", "+0100", "utc−3". */
const utcOffset = /^(?:utc|gmt)?[+\-−]\d{1,2}(?::?\d{2})?$/i;

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
