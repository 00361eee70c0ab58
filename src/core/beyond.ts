/**
 * What the article cannot answer however it is worded: what came after it, and whom the bot would
 * pick. The rules decline such a question before anything else reads it.
 */

/** "Who ended up with the job?", "was he appointed in the end?": what came after the article. */
const hindsight =
  /\b(?:ended up|in the end|eventually|ultimately|(?:was|got) (?:\w+ ){0,2}appointed|(?:took|take|takes|taking) office as (?:nato )?(?:secretary general|sg|chief|head)|who (?:replaced|succeeded)|(?:got|landed) the (?:top )?(?:job|post|role|gig))\b/;
/** "Did Rutte get the job?" (a question that starts so; not "what did he do to get the job?"). */
const pastOutcome = /^(?:so )?(?:did|has) (?:\w+ ){1,3}(?:get|land) the (?:top )?(?:job|post|role|gig)\b/;
/** "Who should get the job?", "if you had to bet…": the article reports; it does not pick. */
const opinion =
  /^(?:so )?(?:(?:who|which \w+) (?:(?:do|would) you (?:think|reckon|say) )?should (?:get|win|be|have|take)\b|who would be (?:the |a )?(?:best|better|ideal)\b)|\b(?:(?:had|have) to bet|your (?:pick|bet|money|prediction|favourite|favorite)\b|would you (?:pick|choose|vote for|back|bet on)\b)/;

/** What the article cannot answer however it is worded: what came after it, and whom the bot would pick. */
export function beyondTheArticle(ws: readonly string[]): boolean {
  const s = ws.join(' ');
  return hindsight.test(s) || pastOutcome.test(s) || opinion.test(s);
}
