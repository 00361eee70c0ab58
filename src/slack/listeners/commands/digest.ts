import type { webApi } from '@slack/bolt';
import type { DigestCommand } from '../../../core/digest-command.js';
import {
  addDays,
  firstDigestDate,
  formatTimeOfDay,
  isValidZone,
  knownZone,
  localTime,
} from '../../../core/schedule.js';
import { unknownZone } from '../../../digest/scheduler.js';
import { type Subscription, subscriptionId } from '../../../store/digest-store.js';
import type { DigestDeps } from '../../deps.js';
import { slashCommand } from '../../ids.js';
import { renderDigest } from '../../render/digest.js';
import { escapeMrkdwn } from '../../render/mrkdwn.js';
import { type CommandArgs, sayPrivately } from './reply.js';

const defaultMinutes = 9 * 60;

/** `/nato digest on|off|status|preview`: the channel's daily digest. */
export async function handleDigestCommand(
  digest: DigestDeps | undefined,
  cmd: DigestCommand,
  args: CommandArgs,
): Promise<void> {
  const { command, respond } = args;
  if (!digest) {
    await sayPrivately(respond, 'Daily digests are not set up on this installation of nato-bot.');
    return;
  }
  const id = subscriptionId(command.team_id, command.channel_id);
  switch (cmd.action) {
    case 'invalid':
      await sayPrivately(respond, `${escapeMrkdwn(cmd.message)} Nothing was changed.`);
      return;
    case 'help':
      await sayPrivately(
        respond,
        [
          '*Daily digest*: a morning post with the state of the race, key dates and a fact of the day.',
          `• \`${slashCommand} digest on [HH:MM] [time zone]\` subscribes this channel (default 09:00 in your Slack time zone)`,
          `• \`${slashCommand} digest off\` stops it`,
          `• \`${slashCommand} digest status\` shows time, zone, next and last post`,
          `• \`${slashCommand} digest preview\` shows the next digest now, only to you`,
        ].join('\n'),
      );
      return;
    case 'on':
      await subscribe(digest, cmd, args);
      return;
    case 'off': {
      const sub = await digest.store.get(id);
      if (!sub || sub.status === 'off') {
        await sayPrivately(respond, 'This channel has no daily digest to turn off.');
        return;
      }
      await digest.store.setStatus(id, 'off', null, digest.now());
      await sayPrivately(
        respond,
        `Daily digest turned off for <#${command.channel_id}>. \`${slashCommand} digest on\` brings it back.`,
      );
      return;
    }
    case 'status':
      await sayPrivately(respond, await statusText(digest, await digest.store.get(id), command.channel_id));
      return;
    case 'preview': {
      const sub = await digest.store.get(id);
      const zone = knownZone(sub?.zone) ?? (await userZone(args.client, command.user_id));
      const preview = renderDigest(
        await digest.scheduler.preview(sub ? id : undefined, localTime(digest.now(), zone).date),
      );
      await respond({
        response_type: 'ephemeral',
        text: preview.text,
        blocks: [
          {
            type: 'context',
            elements: [{ type: 'mrkdwn', text: 'Preview of the next digest: only you can see this.' }],
          },
          ...preview.blocks,
        ],
      });
      return;
    }
  }
}

async function subscribe(
  digest: DigestDeps,
  cmd: Extract<DigestCommand, { action: 'on' }>,
  { command, client, respond, logger }: CommandArgs,
): Promise<void> {
  const membership = await botMembership(client, command.channel_id);
  if (membership !== 'member') {
    logger.info(`digest on refused in ${command.channel_id}: ${membership}`);
    // A direct message between people (its id starts with D) is one the bot can never join.
    const between = command.channel_id.startsWith('D');
    await sayPrivately(
      respond,
      between
        ? `I can’t post in a direct message between people. Run \`${slashCommand} digest on\` in a channel, or in your direct messages with me. Nothing was changed.`
        : `I’m not a member of this channel yet, so I can’t post a digest here. Invite me with \`/invite @nato-bot\`, then run \`${slashCommand} digest on\` again. Nothing was changed.`,
    );
    return;
  }
  // A channel shared with another workspace of the organisation, which already has its digest
  // there: a second subscription would post twice a day.
  const elsewhere = (await digest.store.forChannel(command.channel_id)).find(
    (s) => s.team_id !== command.team_id,
  );
  if (elsewhere) {
    await sayPrivately(
      respond,
      `<#${command.channel_id}> already gets a daily digest, at ${formatTimeOfDay(elsewhere.minutes)} (${escapeMrkdwn(elsewhere.zone)}), turned on from another workspace that shares this channel. A channel gets one digest: change it from that workspace, or turn it off there first. Nothing was changed.`,
    );
    return;
  }
  const id = subscriptionId(command.team_id, command.channel_id);
  // "Run `digest on` to resume" (after a pause, or `digest off`) keeps the channel's time and zone.
  const existing = await digest.store.get(id);
  const zone = cmd.zone ?? knownZone(existing?.zone) ?? (await userZone(client, command.user_id));
  const minutes = cmd.minutes ?? existing?.minutes ?? defaultMinutes;
  const now = digest.now();
  const local = localTime(now, zone);
  // With nothing on record: today while the time is still to come, else tomorrow.
  const usual = firstDigestDate(now, zone, minutes, {});
  const startDate = firstDigestDate(now, zone, minutes, await digest.store.history(id, command.channel_id));
  await digest.store.subscribe({
    teamId: command.team_id,
    enterpriseId: command.enterprise_id ?? null,
    channelId: command.channel_id,
    minutes,
    zone,
    userId: command.user_id,
    startDate,
    now,
  });
  const first =
    startDate === local.date
      ? 'today'
      : startDate === addDays(local.date, 1)
        ? 'tomorrow'
        : `on ${startDate}`;
  // A day's digest goes out once: say so when that is why the first one comes later than usual.
  const done = addDays(startDate, -1);
  const why =
    startDate > usual
      ? `, as ${done === local.date ? 'today’s digest' : `the digest for ${done}`} has already been sent or tried here`
      : '';
  await sayPrivately(
    respond,
    `Daily digest is on for <#${command.channel_id}>: every day at ${formatTimeOfDay(minutes)} (${escapeMrkdwn(zone)}). The first one comes ${first}${why}. \`${slashCommand} digest preview\` shows it now; \`${slashCommand} digest off\` stops it.`,
  );
}

async function statusText(
  digest: DigestDeps,
  sub: Subscription | undefined,
  channel: string,
): Promise<string> {
  if (!sub || sub.status === 'off') {
    const elsewhere = (await digest.store.forChannel(channel))[0];
    if (elsewhere)
      return `<#${channel}> gets its daily digest at ${formatTimeOfDay(elsewhere.minutes)} (${escapeMrkdwn(elsewhere.zone)}) from another workspace that shares this channel; \`${slashCommand} digest status\` there tells more.`;
    return `<#${channel}> has no daily digest. \`${slashCommand} digest on\` subscribes it (09:00 in your time zone by default).`;
  }
  const time = `${formatTimeOfDay(sub.minutes)} (${escapeMrkdwn(sub.zone)})`;
  const last = await digest.store.latestDelivery(sub.id, 'posted');
  const lastText = last?.posted_at
    ? `<!date^${Math.floor(Date.parse(last.posted_at) / 1000)}^{date_short_pretty} at {time}|${last.posted_at}>`
    : 'none yet';
  if (sub.status === 'paused' && sub.status_reason === unknownZone) {
    return [
      `Daily digest for <#${channel}> is *paused*: this server does not know its time zone, ${escapeMrkdwn(sub.zone)}.`,
      `Run \`${slashCommand} digest on ${formatTimeOfDay(sub.minutes)} &lt;time zone&gt;\` with another one, for example \`Europe/Amsterdam\`, to resume.`,
      `Last post: ${lastText}.`,
    ].join('\n');
  }
  if (sub.status === 'paused') {
    return [
      `Daily digest for <#${channel}> is *paused*: Slack answered \`${escapeMrkdwn(sub.status_reason ?? 'an error')}\` when I posted.`,
      sub.status_reason === 'restricted_action'
        ? `Only some members may post in this channel now: let me post there (the channel’s settings, *Posting permissions*), then run \`${slashCommand} digest on\` to resume.`
        : `Invite me with \`/invite @nato-bot\` (or unarchive the channel), then run \`${slashCommand} digest on\` to resume.`,
      `Time: ${time}. Last post: ${lastText}.`,
    ].join('\n');
  }
  const now = digest.now();
  // The next tick pauses it: say so now rather than fail.
  if (!isValidZone(sub.zone))
    return statusText(digest, { ...sub, status: 'paused', status_reason: unknownZone }, channel);
  const local = localTime(now, sub.zone);
  const today = await digest.store.delivery(sub.id, local.date);
  const next = nextPost(sub, local, Boolean(today));
  const lastOutcome = await digest.store.latestDelivery(sub.id);
  const problem =
    lastOutcome && lastOutcome.status !== 'posted' && lastOutcome.status !== 'claimed'
      ? `\nMost recent day (${lastOutcome.local_date}): ${lastOutcome.status}${lastOutcome.error ? ` (${escapeMrkdwn(lastOutcome.error)})` : ''}.`
      : '';
  return `Daily digest for <#${channel}> is *on*, every day at ${time}.\nNext post: ${next}. Last post: ${lastText}.${problem}`;
}

function nextPost(sub: Subscription, local: { date: string; minutes: number }, doneToday: boolean): string {
  const at = formatTimeOfDay(sub.minutes);
  if (local.date < sub.start_date) {
    return sub.start_date === addDays(local.date, 1) ? `tomorrow at ${at}` : `${sub.start_date} at ${at}`;
  }
  if (doneToday) return `tomorrow at ${at}`;
  return local.minutes < sub.minutes ? `today at ${at}` : 'now (it is due and goes out within a minute)';
}

type Membership = 'member' | 'not_member' | 'not_found';

async function botMembership(client: webApi.WebClient, channel: string): Promise<Membership> {
  try {
    const res = await client.conversations.info({ channel });
    const c = res.channel as { is_member?: boolean; is_im?: boolean } | undefined;
    return c?.is_im || c?.is_member ? 'member' : 'not_member';
  } catch {
    // Private channels the bot is not in answer channel_not_found.
    return 'not_found';
  }
}

async function userZone(client: webApi.WebClient, user: string): Promise<string> {
  try {
    const res = await client.users.info({ user });
    return knownZone(res.user?.tz) ?? 'UTC';
  } catch {
    return 'UTC';
  }
}
