/**
 * Slack parses the text the bot posts as mrkdwn: `<!channel>`, `<@U…>` and `<http…>` are live.
 * Everything that came from a user or from a file goes through `escapeMrkdwn` so it stays text.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to `max` characters, ending with "…" when it had to cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes, then truncates without splitting an entity such as `&amp;`. */
export function escapeWithin(text: string, max: number): string {
  let out = escapeMrkdwn(text);
  if (out.length <= max) return out;
  out = out.slice(0, max - 1).replace(/&[a-z]{0,4}$/, '');
  return `${out}…`;
}
