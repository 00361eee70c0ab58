/**
 * General English the matcher needs: words that carry no topic, and groups of words that mean
 * the same thing in questions about people backing candidates. Knowledge-specific words live
 * in the knowledge files (aliases, keywords, example questions), not here.
 */

/** Function words and chatter: never evidence that a question is about something. */
export const stopWords = new Set(
  `a an the and or but if then so of to in on at by for with from into onto about as than
  is are was were be been being am do does did doing done have has had having will would shall should
  can could may might must no yes
  i me my mine we us our you your yours he him his she her hers it its they them their theirs
  this that these those there here such some any all each every another both either neither
  what which who whom whose where how whether according
  just only also even still ever very really actually exactly currently now right
  hey hi hello hiya yo ok okay please thanks thank pls plz
  tell know knows wonder wondering curious quick question ask asking asked explain let give show
  get got go going want wanted need like would could
  bot nato natobot anyone someone somebody anybody guys folks team
  thing things stuff lot bit kind sort way list inside within r u ur ya thx dat own too
  again more most much few lately recently today latest update news
  trying try figure wait hearing hear heard keep surely sure roughly whole boss call everyone
  anything something maybe guess read reading seen saw look looking find understand idea
  clue wondered reckon suppose honestly basically literally fyi btw lol hmm um uh well though
  one ones people person folk guy whats wants hope hoping happen random probably perhaps maybe
  kinda sorta gonna wanna gotta dunno pretty quite rather come comes coming came make made making
  out up down aim
  mean meaning tbh imo afaik also already anyway besides see sees sorry apologies bother remind
  appreciate cheers colleague colleagues coworker manager teammate
  `
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that are about the domain as a whole (the race for the top NATO job): they neither
 * pick one fact over another nor make a question foreign.
 */
export const domainWords = new Set(
  `nato alliance secretary general sg secgen job post role position top
  race contest next new successor succeed successor leader leadership head chief boss
  org organisation organization year years story piece`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Multi-word expressions rewritten before matching, so that an idiom counts as the one word it
 * means ("come out for" = back) and set phrases of chatter ("so far", "figure out") vanish.
 * Applied to normalised text on both sides: the knowledge and the question.
 */
export const phraseRewrites: [RegExp, string][] = [
  [/\b(?:come|comes|came|coming) out (?:for|behind|in favou?r of|in support of)\b/g, 'back'],
  [/\b(?:get|gets|got|getting|be|is|are) (?:behind)\b/g, 'back'],
  [
    /\b(?:throw|throws|threw|thrown|throwing|put|puts|putting) (?:their|its|his|her|our) (?:full )?weight behind\b/g,
    'back',
  ],
  [/\b(?:line|lines|lined|lining) up (?:behind|for)\b/g, 'back'],
  [/\bin (?:\w+ )?corner\b/g, 'back'],
  [/\b(?:lock|locks|locked|locking) (?:down|up)\b/g, 'consolidate'],
  [/\b(?:pick|picks|picked|picking) up\b/g, 'gain'],
  [/\b(?:got|get|gets|have|has|had) (?:\w+ )?on side\b/g, 'back'],
  [/\bon (?:his|her|their) side\b/g, 'back'],
  [/\bhow much of\b/g, 'proportion of'],
  [/\bused to (?:be|have|hold)\b/g, 'former'],
  [/\bthe reason (?:behind|for)\b/g, 'why'],
  [/\bwhat time is it\b/g, 'clock'],
  [/\bwhat(?: is|s) (?:his|her|their|the) (?:deal|story)\b/g, 'who is'],
  [/\bsec(?:retary)? gen\b/g, 'secgen'],
  [/\b(?:fall|falls|fell|falling) apart\b/g, 'collapse'],
  [/\bstands? on\b/g, 'view on'],
  [/\b(?:tighten|tightens|tightened|tightening) (?:his|her|its|their) grip\b/g, 'consolidate'],
  [/\bwork(?:s|ed|ing)? (?:together |closely )?with\b/g, 'cooperation'],
  [/\b(?:stand|stands|stood|standing) (?:in|at)\b/g, 'run in'],
  [/\b(?:sit|sits|sat|sitting|still) on the fence\b/g, 'undecided'],
  [/\bon the fence\b/g, 'undecided'],
  [/\b(?:hold|holds|held|holding) out\b/g, 'undecided'],
  [/\b(?:bring|brings|brought|bringing) (?:down|about the (?:fall|collapse|end) of)\b/g, 'collapse'],
  [/\b(?:step|steps|stepped|stepping|stand|stands|stood|standing) (?:down|aside)\b/g, 'leave'],
  [/\b(?:finish|finishes|finished|finishing) up\b/g, 'leave'],
  [/\b(?:wrap|wraps|wrapped|wrapping|sort|sorts|sorted) (?:up|out)\b/g, 'decide'],
  [/\b(?:hand|hands|handed|handing|turn|turned) in\b/g, ' '],
  [/\bmake a difference\b/g, 'shape'],
  [/\b(?:so far|at all|figure out|find out|by the way|any idea|no idea|in general|as far as)\b/g, ' '],
  [/\bhow come\b/g, 'why'],
  // "What's the American take on Rutte?" is a view; "what commands it takes" is not.
  [/\b(?:the|his|her|their|its|your|our|s|\w+n) take\b/g, 'view'],
  [/\btake on\b/g, 'view on'],
  // "Who is in the running?", "is she running for the job?": a candidacy, not leading a country.
  [/\bin the (?:running|race|frame|mix|hunt)\b/g, 'candidate'],
  [/\b(?:run|runs|running|ran) for\b/g, 'candidate for'],
  // "Who else is being talked about?": discussed as a name, not speaking.
  [/\b(?:is|are|was|were|been|being|get|gets|got|getting) (?:talked|spoken|discussed) about\b/g, 'float'],
  // "How do you say thank you in Dutch?" asks for a translation, not what someone said.
  [/\bhow (?:do|would|does|did) (?:you|i|we|one|they) say\b/g, 'translate'],
  [/\bis (?:that|it|this) (?:true|right|correct)\b/g, ' '],
  [/\bpm\b/g, 'prime minister'],
  [/\b(?:at the moment|right now|these days|at this point|as of now|as things stand)\b/g, ' '],
  [/\b(?:stand|stands|stood|standing) (?:again|for)\b/g, 'run'],
  // The asker's own schedule ("before my call", "after we meet") is not part of the question.
  [/\b(?:before|after|until|till) (?:my|our|your|i|we|you) \w+\b/g, ' '],
  [/\b(?:such a |so )?big deal\b/g, 'important'],
  [/\baccording to (?:the |this |that )?(?:article|report|piece|story|source)\b/g, ' '],
  [/\bre election\b/g, 'reelection'],
  [/\b(?:time|years?) (?:in (?:power|charge|office)|at the helm)\b/g, 'tenure'],
  [/\bin (?:power|charge|office)\b/g, 'lead'],
];

export function rewritePhrases(normalized: string): string {
  let s = normalized;
  for (const [re, to] of phraseRewrites) s = s.replace(re, to);
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Synonym groups: every word in a group is indexed and queried as the group's first word.
 * Written as plain words; they are stemmed when the matcher builds its index.
 */
export const synonymGroups: string[][] = [
  [
    'back',
    'support',
    'endorse',
    'endorsement',
    'backer',
    'supporter',
    'behind',
    'favour',
    'favor',
    'champion',
    'sponsor',
    'vouch',
    'rally',
    'approve',
    'approval',
    'board',
  ],
  ['candidate', 'contender', 'candidacy', 'bid', 'nominee', 'contestant', 'hopeful', 'runner', 'challenger'],
  ['rival', 'other', 'competitor', 'opponent', 'competition', 'alternative', 'else'],
  ['say', 'said', 'statement', 'remark', 'comment', 'claim', 'mention', 'word', 'talk', 'speak', 'spoke'],
  ['resign', 'resignation', 'quit'],
  ['leave', 'depart', 'departure', 'exit', 'retire', 'retirement', 'finish', 'left'],
  ['lead', 'led', 'run', 'helm', 'govern'],
  ['surface', 'float', 'emerge', 'touted', 'floated'],
  ['consolidate', 'strengthen', 'solidify', 'cement', 'bolster'],
  ['collapse', 'fall', 'fell', 'topple', 'downfall'],
  ['shape', 'influence', 'affect', 'sway', 'determine', 'change', 'alter'],
  ['old', 'age', 'aged', 'birthday'],
  ['country', 'nation', 'member', 'ally', 'allies', 'allied'],
  ['partnership', 'relationship', 'relation'],
  ['differ', 'different', 'difference', 'differing', 'diverge', 'divergent'],
  ['election', 'vote', 'poll', 'ballot', 'reelection'],
  ['ammunition', 'ammo', 'munition', 'shell'],
  ['defence', 'defense', 'military'],
  ['when', 'date', 'timing', 'time', 'soon'],
  [
    'decide',
    'decision',
    'choose',
    'choice',
    'pick',
    'select',
    'selection',
    'appoint',
    'resolution',
    'settle',
  ],
  ['meeting', 'meet', 'ministerial', 'gathering'],
  ['summit'],
  ['outlet', 'media', 'press', 'newspaper', 'cite', 'quote', 'journalist', 'reporter'],
  ['deadline', 'cutoff', 'cut off'],
  ['view', 'opinion', 'position', 'stance', 'think', 'thought', 'angle', 'verdict'],
  ['argue', 'contend', 'insist'],
  ['urge', 'push'],
  ['warn', 'caution'],
  ['observer', 'analyst', 'expert', 'commentator', 'pundit'],
  ['strength', 'strong', 'quality', 'merit', 'asset', 'advantage'],
  ['credential', 'qualification', 'qualified', 'expertise'],
  ['good', 'great', 'excellent', 'exceptional', 'ideal', 'suitable'],
  ['many', 'number', 'count', 'proportion', 'share', 'percent', 'percentage', 'fraction', 'majority'],
];
