/**
 * Slack parses the text the bot posts as mrkdwn: `<!channel>`, `<@U…>` and `<http…>` are live.
 * Everything that came from a user or from a file goes through `escapeMrkdwn` so it stays text.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The first `n` UTF-16 units of `text`, one fewer if the last would be half of an emoji's pair. */
function head(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** Cuts text to `max` characters, ending with "…" when it had to cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${head(text, max - 1)}…`;
}

/** Escapes, then truncates without splitting an entity such as `&amp;`, or an emoji. */
export function escapeWithin(text: string, max: number): string {
  let out = escapeMrkdwn(text);
  if (out.length <= max) return out;
  out = head(out, max - 1).replace(/&[a-z]{0,4}$/, '');
  return `${out}…`;
}

/**
 * As many of `items` as fit in `room` characters joined by `separator`, then "…and N more" for the
 * rest. Each item is short (a problem is cut to 300 characters), so at least one always fits.
 */
export function listWithin(items: readonly string[], room: number, separator: string): string {
  const shown: string[] = [];
  let length = 0;
  for (const [i, item] of items.entries()) {
    const rest = items.length - i - 1;
    const tail = rest > 0 ? `${separator}…and ${rest} more` : '';
    const next = length + (shown.length > 0 ? separator.length : 0) + item.length;
    if (shown.length > 0 && next + tail.length > room) break;
    shown.push(item);
    length = next;
  }
  const more = items.length - shown.length;
  return `${shown.join(separator)}${more > 0 ? `${separator}…and ${more} more` : ''}`;
}
