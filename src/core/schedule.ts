/**
 * Local dates and times in IANA time zones, for the daily digest. A subscription is due once per
 * local day, from its local time on: on a spring-forward day a time inside the skipped hour
 * (02:30) is reached when the clock jumps to 03:00 (where the jump ends the day, at midnight of
 * the next: see `lastMinutesOfYesterday`), and on a fall-back day the repeated hour cannot make it
 * due twice, because deliveries are keyed by local date.
 */

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone when this server's time-zone data knows it, else undefined, for a fallback: a zone
 * stored by a newer instance, or sent by Slack for a user, may be one it does not know.
 */
export function knownZone(zone: string | undefined): string | undefined {
  return zone !== undefined && isValidZone(zone) ? zone : undefined;
}

export function localTime(instant: Date, zone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * The local time (minutes since midnight) of yesterday's last minute in `zone`, as of `instant`:
 * 1439 (23:59) but where the clock jumped from yesterday straight into today, as America/Nuuk's
 * did from 23:00 on 28 March 2026, which makes it 1379 (22:59).
 */
export function lastMinutesOfYesterday(instant: Date, zone: string): number {
  const { date: today, minutes } = localTime(instant, zone);
  // Back by the wall clock's minutes to about midnight, then find the first minute of today in
  // steps of 15 minutes (every offset and jump in use is a multiple of it) and one minute.
  let t = instant.getTime() - (instant.getTime() % 60_000) - minutes * 60_000;
  while (localTime(new Date(t), zone).date === today) t -= 15 * 60_000;
  while (localTime(new Date(t), zone).date !== today) t += 60_000;
  return localTime(new Date(t - 60_000), zone).minutes;
}

/** Due when the local clock has reached the subscription's time on the local day. */
export function isDue(instant: Date, zone: string, minutes: number): boolean {
  return localTime(instant, zone).minutes >= minutes;
}

/** Parses "9:00", "09:30", "9am", "9.30pm", "9 a.m." into minutes since midnight. */
export function parseTimeOfDay(text: string): number | undefined {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(?:([ap])\.?m\.?)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const suffix = m[3]?.toLowerCase();
  if (!m[2] && !suffix) return undefined;
  if (suffix) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (suffix === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return hour * 60 + minute;
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

let zoneNames: Map<string, string> | undefined;
function knownZones(): Map<string, string> {
  zoneNames ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  return zoneNames;
}

/** Common abbreviations people type, mapped to a representative IANA zone. */
const zoneAbbreviations: Record<string, string> = {
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  CET: 'Europe/Brussels',
  CEST: 'Europe/Brussels',
  WET: 'Europe/Lisbon',
  EET: 'Europe/Helsinki',
  BST: 'Europe/London',
  ET: 'America/New_York',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CT: 'America/Chicago',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MT: 'America/Denver',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PT: 'America/Los_Angeles',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  JST: 'Asia/Tokyo',
  IST: 'Asia/Kolkata',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
};

/** An IANA name (case-insensitive) or a common abbreviation; undefined when unknown. */
export function resolveZone(text: string): string | undefined {
  const t = text.trim();
  const abbreviation = zoneAbbreviations[t.toUpperCase()];
  if (abbreviation) return abbreviation;
  // "Europe/Amsterdam", "America/Argentina/Buenos_Aires", "EST5EDT", "Etc/GMT-2".
  if (!/^[A-Za-z][A-Za-z0-9_]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(t)) return undefined;
  if (!isValidZone(t)) return undefined;
  // Intl accepts any case; report the zone as the IANA list spells it.
  return knownZones().get(t.toLowerCase()) ?? t;
}

/**
 * The offset from UTC, in hours, of Etc/GMT+2 and its kin (by any name that resolves to one), else
 * undefined. They keep POSIX's sign, the reverse of what people read: Etc/GMT+2 is UTC−2. Etc/GMT
 * and Etc/GMT+0 are UTC, so undefined too.
 */
export function etcGmtOffsetHours(zone: string): number | undefined {
  if (!isValidZone(zone)) return undefined;
  const m = /^Etc\/GMT([+-])(\d+)$/i.exec(formatter(zone).resolvedOptions().timeZone);
  const hours = Number(m?.[2] ?? 0);
  return hours === 0 ? undefined : m?.[1] === '+' ? -hours : hours;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What a channel's digest has already done, for choosing where a new schedule starts. */
export interface DigestHistory {
  /** The latest local date with a delivery on record (posted, tried or missed), in any zone. */
  lastDate?: string | undefined;
  /** When the latest digest that may have reached the channel was posted or sent. */
  lastPostAt?: Date | undefined;
}

/**
 * The first local date a digest at `minutes` in `zone` posts on, for a schedule set at `now`:
 * today while its time is still to come, else tomorrow; but never a date already on record (a
 * day's digest goes out once, whatever time or zone it was set for then), nor the local day of the
 * last post, so that moving the time or the zone never brings a second digest in a day.
 */
export function firstDigestDate(now: Date, zone: string, minutes: number, history: DigestHistory): string {
  const local = localTime(now, zone);
  const candidates = [local.minutes < minutes ? local.date : addDays(local.date, 1)];
  if (history.lastDate) candidates.push(addDays(history.lastDate, 1));
  if (history.lastPostAt) candidates.push(addDays(localTime(history.lastPostAt, zone).date, 1));
  return candidates.sort().at(-1) as string;
}
