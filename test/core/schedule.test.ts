import { describe, expect, it } from 'vitest';
import { describeWhen } from '../../src/core/digest.js';
import { parseDigestCommand } from '../../src/core/digest-command.js';
import {
  addDays,
  daysBetween,
  etcGmtOffsetHours,
  firstDigestDate,
  formatTimeOfDay,
  isDue,
  knownZone,
  lastMinutesOfYesterday,
  localTime,
  parseTimeOfDay,
  resolveZone,
} from '../../src/core/schedule.js';

describe('parseTimeOfDay', () => {
  it.each([
    ['09:00', 540],
    ['9:00', 540],
    ['9.30', 570],
    ['23:59', 1439],
    ['00:00', 0],
    ['9am', 540],
    ['12am', 0],
    ['12pm', 720],
    ['9:15pm', 1275],
    ['9 a.m.', 540],
    ['9:15p.m.', 1275],
  ])('%s -> %i minutes', (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });

  it.each(['24:00', '9:60', '25:61', '9', '13pm', 'noon', '', '0900x'])('rejects %s', (text) => {
    expect(parseTimeOfDay(text)).toBeUndefined();
  });

  it('formats minutes back', () => {
    expect(formatTimeOfDay(540)).toBe('09:00');
    expect(formatTimeOfDay(1275)).toBe('21:15');
  });
});

describe('resolveZone', () => {
  it.each([
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
    ['europe/amsterdam', 'Europe/Amsterdam'],
    ['UTC', 'UTC'],
    ['est', 'America/New_York'],
    ['CET', 'Europe/Brussels'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ])('%s -> %s', (text, zone) => {
    expect(resolveZone(text)).toBe(zone);
  });

  it.each(['Mars/Olympus_Mons', 'Amsterdam', '<!channel>', '../etc/passwd', ''])('rejects %s', (text) => {
    expect(resolveZone(text)).toBeUndefined();
  });
});

describe('etcGmtOffsetHours', () => {
  it.each([
    ['Etc/GMT+2', -2],
    ['etc/gmt-5', 5],
    ['Etc/GMT-14', 14],
    ['Etc/GMT', undefined],
    ['Etc/GMT+0', undefined],
    ['Etc/UTC', undefined],
    ['Europe/Berlin', undefined],
    ['Mars/Olympus_Mons', undefined],
  ])('%s -> %s hours from UTC', (zone, hours) => {
    expect(etcGmtOffsetHours(zone)).toBe(hours);
  });
});

describe('knownZone', () => {
  it('keeps a zone the time-zone data knows, and gives undefined for any other, for a fallback', () => {
    expect(knownZone('Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(knownZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(knownZone(undefined)).toBeUndefined();
    expect(knownZone('Mars/Olympus_Mons') ?? 'UTC').toBe('UTC');
  });
});

describe('local time and due checks', () => {
  it('reads the local date and time in a zone', () => {
    expect(localTime(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-03-08',
      minutes: 180,
    });
    expect(localTime(new Date('2026-06-30T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2026-07-01',
      minutes: 510,
    });
  });

  it('is due once the local clock reaches the time', () => {
    expect(isDue(new Date('2026-06-01T06:59:00Z'), 'Europe/Amsterdam', 540)).toBe(false);
    expect(isDue(new Date('2026-06-01T07:00:00Z'), 'Europe/Amsterdam', 540)).toBe(true);
  });

  it('counts days across month and DST boundaries', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('describeWhen', () => {
  const span = { start: '2024-07-01', end: '2024-07-10', label: 'early July 2024' };
  it.each([
    ['2024-06-30', 'tomorrow', false],
    ['2024-06-25', 'in 6 days', false],
    ['2024-03-01', 'in 4 months', false],
    ['2024-07-05', 'now', false],
    ['2024-07-11', 'past (yesterday)', true],
    ['2026-11-28', 'past (2 years ago)', true],
  ])('on %s: %s', (today, when, past) => {
    expect(describeWhen(span, today)).toEqual({ when, past });
  });
});

describe('parseDigestCommand', () => {
  it('is undefined for anything else', () => {
    expect(parseDigestCommand('who backs rutte')).toBeUndefined();
    expect(parseDigestCommand('digestion')).toBeUndefined();
  });

  it.each([
    ['digest on', { action: 'on', minutes: undefined, zone: undefined }],
    ['digest on 07:30', { action: 'on', minutes: 450, zone: undefined }],
    ['digest on Europe/Amsterdam 07:30', { action: 'on', minutes: 450, zone: 'Europe/Amsterdam' }],
    ['digest on 07:30 EST5EDT', { action: 'on', minutes: 450, zone: 'EST5EDT' }],
    ['DIGEST ON 8 am est', { action: 'on', minutes: 480, zone: 'America/New_York' }],
    ['digest on 9:00 a.m.', { action: 'on', minutes: 540, zone: undefined }],
    ['digest on 9 P.M. UTC', { action: 'on', minutes: 1260, zone: 'UTC' }],
    ['digest off', { action: 'off' }],
    ['digest status', { action: 'status' }],
    ['digest preview', { action: 'preview' }],
    ['digest', { action: 'help' }],
  ])('%s', (text, expected) => {
    expect(parseDigestCommand(text)).toEqual(expected);
  });

  it.each([
    ['digest on 25:00', /not a time I can read/],
    ['digest on 09:00 Nowhere/Land', /not a time zone I know/],
    ['digest on 9:00 UTC+2', /“UTC\+2” is an offset from UTC.*IANA name of a place/],
    ['digest on 09:00 GMT-05:00', /“GMT-05:00” is an offset from UTC/],
    ['digest on 09:00 +0100', /“\+0100” is an offset from UTC/],
    ['digest on 09:00 10:00', /^One time please: I read both 09:00 and 10:00\. Give just one/],
    ['digest on 9am 21:00', /^One time please: I read both 09:00 and 21:00\./],
    ['digest on 9:00 UTC UTC', /^One time zone please: I read UTC twice\. Give just one/],
    [
      'digest on 9:00 est pst',
      /^One time zone please: I read both America\/New_York and America\/Los_Angeles\./,
    ],
    ['digest on 9 am pm', /^“9 am pm” is not a clear time\. Give am or pm once/],
    ['digest on 9:00 UTC pm', /^“pm” is not a clear time/],
    ['digest sometimes', /I don’t know `digest sometimes`/],
    ['digest off now', /takes nothing after it/],
  ])('%s is refused with an explanation', (text, message) => {
    const parsed = parseDigestCommand(text);
    expect(parsed?.action).toBe('invalid');
    expect(parsed && 'message' in parsed ? parsed.message : '').toMatch(message);
  });

  it('refuses Etc/GMT±N, a fixed offset with its sign reversed, like an offset, and keeps the zones that are UTC', () => {
    const read = (zone: string) => parseDigestCommand(`digest on 09:00 ${zone}`);
    expect(read('Etc/GMT+2')).toEqual({
      action: 'invalid',
      message:
        '“Etc/GMT+2” is a fixed offset with its sign reversed: it means UTC−2, and stays put when summer time comes and goes. Use the IANA name of a place instead, such as Europe/Berlin or America/New_York, for example `/nato digest on 09:00 Europe/Amsterdam`.',
    });
    expect(read('etc/gmt-5')).toMatchObject({
      message: expect.stringMatching(/^“etc\/gmt-5” .* it means UTC\+5,/),
    });
    for (const zone of ['Etc/UTC', 'Etc/GMT', 'Etc/GMT+0', 'UTC', 'GMT']) {
      expect(read(zone)).toMatchObject({ action: 'on', minutes: 540 });
    }
  });
});

describe('the first date of a new digest schedule', () => {
  const at = (iso: string): Date => new Date(iso);

  it('is today while the time is still to come, else tomorrow, with nothing on record', () => {
    expect(firstDigestDate(at('2026-06-01T06:00:00Z'), 'UTC', 9 * 60, {})).toBe('2026-06-01');
    expect(firstDigestDate(at('2026-06-01T10:00:00Z'), 'UTC', 9 * 60, {})).toBe('2026-06-02');
  });

  it('moves to tomorrow when today’s digest went out at the old time', () => {
    // Posted at 09:00; at 09:30 the time is moved to 17:00.
    const history = { lastDate: '2026-06-01', lastPostAt: at('2026-06-01T09:00:05Z') };
    expect(firstDigestDate(at('2026-06-01T09:30:00Z'), 'UTC', 17 * 60, history)).toBe('2026-06-02');
  });

  it('never gives a date already on record in the old zone a second digest', () => {
    // Tokyo's digest for 2 June went out at 00:00 UTC, 20:00 on 1 June in New York.
    const history = { lastDate: '2026-06-02', lastPostAt: at('2026-06-02T00:00:05Z') };
    const now = at('2026-06-02T00:30:00Z');
    expect(firstDigestDate(now, 'America/New_York', 9 * 60, history)).toBe('2026-06-03');
    // 22:00 the same evening in New York would have been a second digest within hours.
    expect(firstDigestDate(now, 'America/New_York', 22 * 60, history)).toBe('2026-06-03');
  });

  it('never posts twice in the new zone’s day when moving east', () => {
    // New York's digest for 1 June went out at 23:30 there: 12:30 on 2 June in Tokyo.
    const history = { lastDate: '2026-06-01', lastPostAt: at('2026-06-02T03:30:05Z') };
    expect(firstDigestDate(at('2026-06-02T05:00:00Z'), 'Asia/Tokyo', 20 * 60, history)).toBe('2026-06-03');
  });

  it('is not held back by an old record', () => {
    const history = { lastDate: '2026-04-30', lastPostAt: at('2026-04-30T09:00:00Z') };
    expect(firstDigestDate(at('2026-06-01T06:00:00Z'), 'UTC', 9 * 60, history)).toBe('2026-06-01');
  });
});

describe('the last minute of yesterday', () => {
  it.each([
    ['2026-06-01T12:00:00Z', 'UTC', 1439],
    ['2026-03-29T10:00:00Z', 'Europe/Amsterdam', 1439], // its jump is at 02:00, not at midnight
    ['2026-03-29T12:00:00Z', 'America/Nuuk', 1379], // from 23:00 on the 28th straight to the 29th
    ['2026-03-30T12:00:00Z', 'America/Nuuk', 1439],
  ])('at %s in %s is %i', (iso, zone, expected) => {
    expect(lastMinutesOfYesterday(new Date(iso), zone)).toBe(expected);
  });
});
