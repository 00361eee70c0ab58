import { compileRewrites } from './text.js';

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
  thread channel dm toward towards beat
  q qq ppl abt rn smth sth w re nah gimme
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that thank or acknowledge: one of them makes a message a reply to the bot. */
const acknowledging: readonly string[] = `thanks thank thx ty tysm cheers ta cool great nice awesome perfect
  helpful good best brilliant amazing excellent lovely appreciated appreciate gotcha noted legend sweet
  super fab fantastic neat useful handy champion star got`.split(/\s+/);
/**
 * A message made of acknowledging words and these ("ok cool", "thanks, that's really helpful",
 * "you're the best") is a reply to the bot, not a question.
 */
const acknowledgements = new Set([
  ...acknowledging,
  ...`ok okay kk wow haha lol so much very really you re youre are s that is it this was all yes yep
  yeah sure np the a an mate for help lot and to know bot answer many again`.split(/\s+/),
]);
/** Thanks or an acknowledgement before the next question: "great, and who backs Rutte?". */
export const leadingAcknowledgement = new RegExp(
  `^\\s*(?:(?:${[...acknowledging, 'ok', 'okay', 'thank you', 'got it', 'good question', 'interesting']
    .sort((x, y) => y.length - x.length)
    .join('|')})\\s*[,!.:;]+\\s*)+(?:and\\s+|also\\s+|so\\s+)?(?=\\S)`,
  'i',
);
export function isAcknowledgement(ws: readonly string[]): boolean {
  return (
    ws.length > 0 && ws.every((w) => acknowledgements.has(w)) && ws.some((w) => acknowledging.includes(w))
  );
}

/** Words that say an answer was wrong: one of them makes a message a complaint about it. */
const complaining = new Set(
  `wrong incorrect inaccurate untrue false mistaken useless rubbish garbage nonsense bs terrible awful
  bad broken dumb stupid nope error`.split(/\s+/),
);
/** A message made of complaining words and these ("that's wrong", "no, that is not right"). */
const complaints = new Set([
  ...complaining,
  ...`that is s it this not no you re are your answer the a an so very really totally completely
  quite just all bot again lol wtf hmm um actually mate pretty was one right correct true`.split(/\s+/),
]);
/**
 * Whether a message only says the last answer was wrong ("that's wrong", "no, that's not right",
 * "you're useless"): a complaint, not a question.
 */
export function isComplaint(ws: readonly string[]): boolean {
  if (ws.length === 0 || !ws.every((w) => complaints.has(w))) return false;
  // "Is that wrong?" asks; "not bad" and "you're not wrong" agree.
  if (/^(?:is|are|was|were)$/.test(ws[0] as string)) return false;
  const said = ws.join(' ');
  return (
    ws.some((w, i) => complaining.has(w) && ws[i - 1] !== 'not') ||
    /\bnot (?:right|correct|true|it)\b/.test(said)
  );
}

/**
 * Words that are about the domain as a whole (the race for the top NATO job): they neither
 * pick one fact over another nor make a question foreign.
 */
export const domainWords = new Set(
  `nato alliance secretary general sg secgen job post role position top
  race contest saga drama next new successor succeed successor leader leadership head chief boss
  org organisation organization year years story piece`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Multi-word expressions rewritten before matching, so that an idiom counts as the one word it
 * means ("come out for" = back) and set phrases of chatter ("so far", "figure out") vanish.
 * Applied to normalised text on both sides: the knowledge and the question.
 */
/** Things people write or prepare, named when they say why they ask. */
const workProducts =
  '(?:essay|paper|presentation|talk|course|seminar|lecture|podcast|episode|segment|briefing|brief|memo|deck|slides?|doc|document|one pager|page|notes?|summary|newsletter|quiz|exam|homework|assignment|thesis|dissertation|glossary|explainer|blog post|column|review|cheat sheet|handout|write up|report)';

export const phraseRewrites: [RegExp, string][] = [
  // "More allies backing Rutte?", "new Rutte backers": support growing, not the list of backers.
  [
    /\b(?:more|new|additional|fresh|extra) (?=(?:\w+ )?(?:backers|backing|support|supporters|endorsements|allies|countries|governments|nations|states|members)\b)/g,
    'growing ',
  ],
  // "Back Rutte to replace Stoltenberg", "in favour of Rutte leading NATO": backing him is
  // backing him for the job; what the job is adds nothing to the question.
  [
    /\b(back|backs|backed|backing|support|supports|supported|supporting|favour|favor|favours|favors|endorse|endorses|endorsed|endorsing|want|wants|wanted|pick|picks|behind|stand on|stands on|position on|view on|stance on)( (?:\w+ ){0,3}?(?:rutte|him|the dutch (?:pm|prime minister|leader|guy)|the dutchman)(?: s)?(?: (?:bid|candidacy|campaign|push))?) (?:to |as )?(?:replace|replacing|succeed|succeeding|lead|leading|run|running|head|heading) (?:jens stoltenberg|stoltenberg|nato|the alliance)\b/g,
    '$1$2',
  ],
  // "What role does Kirby hold?", "what part has Karins played?": who they are.
  [
    /\b(?:role|part|position|job|title) (?:does|do|did|has|have|had|is|was) ((?:\w+ ){1,3})(?:hold|holds|held|play|plays|played|have|has|had|occupy|occupies)\b/g,
    'role $1',
  ],
  [/\bwhat (?:s|is|was) the (?:deal|story|situation) with\b/g, 'what about'],
  [/\bveto (?:power|powers|right|rights)\b/g, 'veto'],
  // Chat shorthand for the White House.
  [
    /\bwh\b(?= (?:say|said|says|statement|comments?|remarks?|view|officials?|position|stance|think|thinks)\b)/g,
    'white house',
  ],
  [/\bwh\b(?<=\b(?:the|did|does|what) wh)/g, 'white house'],
  // "What do Britain and Germany think of Rutte as a candidate?", "…take on Rutte's candidacy":
  // Rutte, who is the candidate.
  [/\b(rutte|him)\b(?: s)? (?:candidacy|candidature|as (?:a |the )?candidate)\b/g, '$1'],
  // "What is said about Karins?": what the article says of him, who he is.
  [/\bwhat (?:is|s|was|has been) (?:being )?(?:said|written|reported|mentioned) about\b/g, 'tell me about'],
  // "Which candidate cautioned against…": the one candidate the article quotes.
  [
    /\bwhich (?:candidate|contender|hopeful)\b(?= (?:\w+ )?(?:said|says|stressed|warned|cautioned|argued|urged|called|told|spoke|emphasised|emphasized|highlighted|praised)\b)/g,
    'which rutte',
  ],
  // "Who is Rutte trying to replace?", "whose job is Rutte after?": the one in the job now.
  [
    /\bwho\b(?: is| s)?(?: the (?:guy|man|person|one|official))?(?: that| who)? (?:rutte|he|the dutch (?:pm|prime minister|leader)|the dutchman) (?:\w+ ){0,3}?(?:replace|replacing|succeed|succeeding|take over from|taking over from)\b/g,
    'who is the incumbent',
  ],
  [
    /\bwhose (?:job|post|seat|role|position) is (?:rutte|he) (?:after|chasing|going for|aiming for|eyeing|targeting)\b/g,
    'who is the incumbent',
  ],
  // "Who will replace Rutte as Dutch prime minister?" is about the Netherlands, not NATO: the Dutch
  // word for who forms the next cabinet, which the article never uses.
  [
    /\b(?:replace|replaces|replacing|succeed|succeeds|succeeding|successor to|follow|after) (?:mark )?rutte as (?:the )?(?:dutch |netherlands )?(?:prime minister|pm|premier|leader)\b/g,
    'dutch formateur',
  ],
  // "Is Rutte the only declared candidate?": the sole one.
  [/\bonly (?:declared |official |formal |real |actual |announced )?(candidate|contender|one)\b/g, 'sole $1'],
  // "Which countries founded NATO?" is about founding, not what a report found.
  [/\b(?:founded|founding|founder|founders|foundation)\b/g, 'establish'],
  // ---- "us", the country ----
  // Lower case, "us" is the pronoun ("tell us", "for us") unless it starts the message, follows a
  // verb that asks ("does us…", "uk and us"), or stands before what a country has ("us support").
  [/\bus\b(?<=^us)/g, 'the us'],
  [
    /\bus\b(?<=\b(?:does|did|do|is|was|has|have|had|will|would|can|could|should|and|or|vs|versus|plus) us)/g,
    'the us',
  ],
  [
    /\bus\b(?<!\bthe us) (?=(?:support|supports|supported|supporting|backing|backs|backed|back|position|stance|view|take|govt|government|president|officials|administration|endorsement|endorsed|spokesperson|spokesman|role|weight|influence|military|nsc|white house|approval|blessing)\b)/g,
    'the us ',
  ],
  // ---- resign ----
  // "when did rutte throw in the towel"
  [/\b(?:throw|throws|threw|thrown|throwing) in the (?:towel|sponge)\b/g, 'resign'],
  // "why did rutte call it quits" / "why did rutte pack it in"
  [/\b(?:(?:call|calls|called|calling) it quits|(?:pack|packs|packed|packing) it in)\b/g, 'resign'],
  // "when did rutte tender his resignation" / "hand in his resignation"
  [
    /\b(?:tender|tenders|tendered|tendering|submit|submits|submitted|submitting|hand|hands|handed|handing|offer|offers|offered|offering) (?:in )?(?:his|her|their|its|the|a) resignation\b/g,
    'resign',
  ],
  // "did rutte fall on his sword over migration"
  [/\b(?:fall|falls|fell|fallen|falling) on (?:his|her|their|its) (?:own )?sword\b/g, 'resign'],

  // ---- leave ----
  // "when does stoltenberg hand over the keys" / "pass the baton" / "pass on the torch"
  [
    /\b(?:hand|hands|handed|handing|pass|passes|passed|passing) (?:over |on )?(?:the|his|her|their) (?:keys|reins|baton|torch|mantle)\b/g,
    'leave',
  ],
  // "when does stoltenberg bow out"
  [/\b(?:bow|bows|bowed|bowing) out\b/g, 'leave'],
  // "when will stoltenberg hang up his boots"
  [/\b(?:hang|hangs|hung|hanging) up (?:his|her|their) (?:boots|gloves|spurs)\b/g, 'leave'],
  // "when does stoltenberg call it a day" / "call time on his tenure"
  [/\b(?:call|calls|called|calling) (?:it a day|time on)\b/g, 'leave'],
  // "when is stoltenberg on his way out" / "out the door"
  [/\b(?:on (?:his|her|their|the) way out|out (?:of )?the door)\b/g, 'leave'],
  // "when does stoltenberg's mandate run out" (not "time is running out", not "run out of")
  [/\b(term|mandate|tenure|contract|stint) (?:run|runs|ran|running) out\b(?! of)/g, '$1 expire'],
  // "why did rutte walk away"
  [/\b(?:walk|walks|walked|walking) away\b/g, 'leave'],
  // "when is the changing of the guard"
  [/\b(?:the )?changing of the guard\b/g, 'leave'],

  // ---- lead / replace ----
  // "when will rutte take the reins" / "take the helm"
  [/\b(?:take|takes|took|taken|taking) (?:over )?the (?:reins|helm|mantle|baton)\b/g, 'lead'],
  // "whose shoes would rutte step into"
  [/\b(?:step|steps|stepped|stepping) into\b/g, 'replace'],

  // ---- echo / same line (new group "echo") ----
  // "did london and berlin sing from the same hymn sheet as washington"
  [/\b(?:sing|sings|sang|sung|singing) from the same (?:hymn ?sheet|song ?sheet|script)\b/g, 'echo'],
  // "were london and berlin on the same page" / "on the same wavelength"
  [/\bon the same (?:page|wavelength)\b/g, 'echo'],
  // "did the uk and germany follow suit"
  [/\b(?:follow|follows|followed|following) suit\b/g, 'echo'],
  // "did berlin toe the line" (also the common misspelling "tow the line")
  [/\b(?:toe|toes|toed|toeing|tow|tows|towed|towing) the line\b/g, 'echo'],
  // "do london and berlin see eye to eye" / "in lockstep" / "in unison"
  [/\b(?:(?:see|sees|saw|seeing) eye to eye|in lock ?step|in unison)\b/g, 'echo'],
  // "did london say the same thing" / "take the same line"
  [/\b(?:(?:say|says|said|saying) the same(?: thing)?|the same (?:line|message|tune))\b/g, 'echo'],

  // ---- candidate / front-runner / rival / surface ----
  // "is the former defence secretary in the mix" / "in the running" / "in the frame"
  [/\bin the (?:mix|running|frame|hunt|reckoning)\b/g, 'candidate'],
  // "has wallace put his name forward"
  [/\b(?:put|puts|putting) (?:his|her|their|its) names? forward\b/g, 'candidate'],
  // "is kallas eyeing the job"
  [/\b(?:eye|eyes|eyed|eyeing|eying) the (?:job|post|role|top job)\b/g, 'candidate'],
  // "has wallace thrown his hat into the ring" / "has karins thrown his hat in"
  [
    /\b(?:throw|throws|threw|thrown|throwing|toss|tosses|tossed|tossing) (?:his|her|their|its|a) hats? (?:in|into)(?: the ring)?\b/g,
    'announce candidacy',
  ],
  // "who is the clear front-runner" / "hot favourite" (front-runner: new group "frontrunner")
  [/\b(?:(?:clear|firm|hot|runaway|undisputed|overwhelming|strong) )?front runners?\b/g, 'frontrunner'],
  [/\b(?:clear|firm|hot|runaway|undisputed|overwhelming|strong|odds on) favou?rites?\b/g, 'frontrunner'],
  // "who is in pole position" / "the man to beat" / "the heir apparent" / "a shoo-in"
  [
    /\b(?:(?:in )?pole position|the (?:man|woman|one|person|candidate|guy) to beat|heir apparent|shoo ?in|next in line|best placed)\b/g,
    'frontrunner',
  ],
  // "who is ahead of the pack" / "in the driving seat"
  [/\b(?:(?:ahead of|leading) the (?:pack|field)|in the (?:driving|drivers|driver) seat)\b/g, 'frontrunner'],
  // "who is jockeying for the job" / "gunning for"
  [/\b(?:jockey|jockeys|jockeyed|jockeying|gunning) for\b/g, 'compete'],
  // "who is rutte up against" / "is there a dark horse"
  [/\b(?:up against|head to head|dark horses?)\b/g, 'rival'],
  // "who else has been tipped for the job"
  [/\btipped (?:as|to|for)\b/g, 'surface'],
  // "which names are being bandied about" / "doing the rounds"
  [/\b(?:(?:bandy|bandied|bandying|thrown|tossed|kicked) (?:about|around)|doing the rounds)\b/g, 'surface'],

  // ---- back ----
  // "which capitals back rutte" (plural only: "the capital of spain" is trivia)
  [/\bcapitals\b/g, 'countries'],
  // "which great powers back rutte" ("great" would otherwise be read as "good")
  [/\bgreat powers?\b/g, 'major powers'],
  // "who is in rutte's camp" (keeps the name)
  [/\bin ((?:\w+ )?)camp\b/g, 'back $1'],
  // "which governments threw their support behind rutte"
  [
    /\b(?:throw|throws|threw|thrown|throwing|put|puts|putting) (?:their|its|his|her|our) (?:full )?support behind\b/g,
    'back',
  ],
  // "does paris stand behind rutte" / "stand by rutte"
  [/\b(?:stand|stands|stood|standing) (?:behind|by)\b/g, 'back'],
  // "who is rooting for rutte" / "who went to bat for rutte"
  [/\b(?:(?:root|roots|rooted|rooting) for|(?:go|goes|went|gone|going) to bat for)\b/g, 'back'],
  // "has the us given rutte the nod" / "its blessing" (keeps the name)
  [
    /\b(?:give|gives|gave|given|giving) ((?:\w+ )?)(?:the|their|its|his|her|a) (?:nod|thumbs up|green light|seal of approval|go ahead|blessing)\b/g,
    'back $1',
  ],
  // "did rutte get the nod from washington" (not "a nod to", an allusion)
  [
    /\b(?:the (?:nod|thumbs up|green light|seal of approval|go ahead)|a (?:thumbs up|green light))\b/g,
    'back',
  ],
  // "which countries have rallied around rutte"
  [/\b(?:rally|rallies|rallied|rallying) (?:round|around|behind|to)\b/g, 'back'],
  // "which allies fell in behind rutte" (not "fall behind", to lag)
  [/\b(?:fall|falls|fell|fallen|falling) in (?:line )?behind\b/g, 'back'],
  // "who stuck up for rutte" / "stuck their neck out for"
  [/\b(?:stick|sticks|stuck|sticking) (?:up|(?:their|his|her|its) necks? out) for\b/g, 'back'],
  // "why are the germans keen on rutte" / "is berlin sold on rutte" / "warming to rutte"
  [/\b(?:keen on|sold on|(?:warm|warms|warmed|warming) (?:up )?to)\b/g, 'back'],
  // "which countries jumped on the rutte bandwagon" (keeps the name)
  [
    /\b(?:jump|jumps|jumped|jumping|climb|climbs|climbed|climbing|hop|hops|hopped|hopping) on (?:the |his |her |their )?((?:\w+ )?)bandwagon\b/g,
    'back $1',
  ],

  // ---- gain / consolidate ----
  // "is rutte's bid gathering steam" / "picking up steam" / "gaining ground"
  [
    /\b(?:gain|gains|gained|gaining|gather|gathers|gathered|gathering|pick|picks|picked|picking) (?:up )?(?:steam|pace|speed|traction|ground)\b/g,
    'gain',
  ],
  // "which countries has rutte won over"
  [/\b(?:win|wins|won|winning) over\b/g, 'gain'],
  // "has rutte got it sewn up"
  [/\b(?:sewn|sew|sews|sewed|sewing|stitched|stitch) (?:it )?up\b/g, 'consolidate'],
  // "is it in the bag for rutte" / "is it a done deal"
  [/\b(?:in the bag|(?:a )?done deal|(?:a )?foregone conclusion|home and dry)\b/g, 'consolidate'],
  // "is rutte firming up his position" / "shoring up"
  [/\b(?:firm|firms|firmed|firming|shore|shores|shored|shoring) up\b/g, 'consolidate'],
  // "what is rutte doing to lock it up"
  [
    /\b(?:lock|locks|locked|locking) (?:it|this|the (?:job|post|race|nomination)) (?:up|down)\b/g,
    'consolidate',
  ],
  // "is rutte tightening his hold on the job"
  [/\b(?:tighten|tightens|tightened|tightening) (?:his|her|its|their) hold\b/g, 'consolidate'],

  // ---- collapse ----
  // "who pulled the plug on rutte's government"
  [/\b(?:pull|pulls|pulled|pulling) the plug(?: on)?\b/g, 'collapse'],
  // "why did rutte's coalition break up" / "come apart" / "go belly up"
  [
    /\b(?:(?:break|breaks|broke|broken|breaking) up|(?:come|comes|came|coming) apart|(?:go|goes|went|gone|going) belly up)\b/g,
    'collapse',
  ],

  // ---- shape / influence / importance ----
  // "can the ministerial meetings tip the balance" / "tip the scales"
  [/\b(?:tip|tips|tipped|tipping) the (?:balance|scales)\b/g, 'shape'],
  // "could the spring ministerials shake up the field" / "move the needle"
  [/\b(?:(?:shake|shakes|shook|shaken|shaking) up|(?:move|moves|moved|moving) the needle)\b/g, 'shape'],
  // "who has the final say" / "the last word"
  [/\bthe (?:final|last) (?:say|word)\b/g, 'decide'],
  // "does the us have a say in the choice" / "a bearing on"
  [/\b(?:have|has|had|having) (?:a|any|much|more|some|a big|a real) (?:say in|bearing on)\b/g, 'shape'],
  // "does the us call the shots" / "pull the strings" / "rule the roost"
  [
    /\b(?:(?:call|calls|called|calling) the shots|(?:pull|pulls|pulled|pulling) the strings|(?:rule|rules|ruled|ruling) the roost)\b/g,
    'shape',
  ],
  // "who is the top dog in nato" (new group "dominant")
  [/\btop dogs?\b/g, 'dominant'],
  // "does washington hold the key" / "why does washington carry so much weight" (new group "important")
  [/\b(?:hold|holds|held|holding) the keys?\b/g, 'important'],
  [
    /\b(?:carry|carries|carried|carrying) (?:so much|much|a lot of|more|real|serious|great|such) weight\b/g,
    'important',
  ],

  // ---- decide / process ----
  // "which countries have not made up their minds" (must come before the next one)
  [/\b(?:not|yet to|still to) (?:make|made|making) up (?:their|its|his|her|our) minds?\b/g, 'undecided'],
  // "when will the allies make up their minds"
  [/\b(?:make|makes|made|making) up (?:their|its|his|her|our|your) minds?\b/g, 'decide'],
  // "when will nato make the final call"
  [/\b(?:make|makes|made|making) (?:the|a|their|its) (?:final )?(?:call|decision|choice|pick)\b/g, 'decide'],
  // "when will the allies rubber-stamp the choice" / "when will we see white smoke"
  [/\b(?:rubber stamp(?:s|ed|ing)?|white smoke)\b/g, 'decide'],
  // "when will the new secretary general be named"
  [/\bbe (?:named|unveiled|anointed|crowned)\b/g, 'decide'],
  // "what's the decision rule" / "what are the rules" (the noun; "rule" = govern stays with lead)
  [/\b(decision|decision making|voting|selection|appointment) rules?\b/g, '$1 process'],
  [/\brules\b/g, 'process'],
  // "can one country throw a spanner in the works" (new group "veto")
  [
    /\b(?:(?:throw|throws|threw|thrown|throwing|put|puts|putting) )?(?:a )?(?:spanner|monkey wrench|wrench) in the works\b/g,
    'veto',
  ],

  // ---- undecided / silent (new group "undecided") ----
  // "who is keeping their powder dry" / "keeping their options open"
  [/\b(?:keep|keeps|kept|keeping) (?:their|its|his|her|our) (?:powder dry|options open)\b/g, 'undecided'],
  // "who is hedging their bets"
  [/\b(?:hedge|hedges|hedged|hedging) (?:their|its|his|her|our) bets\b/g, 'undecided'],
  // "which countries are sitting on the sidelines" (not "on the sidelines of the summit")
  [
    /\b(?:sit|sits|sat|sitting|stay|stays|stayed|staying|wait|waits|waited|waiting|remain|remains|remained|remaining|stand|stands|stood|standing) on the sidelines?\b(?! of)/g,
    'undecided',
  ],
  // "who is keeping mum" / "which allies are tight-lipped"
  [
    /\b(?:(?:keep|keeps|kept|keeping|stay|stays|stayed|staying|remain|remains|remained|remaining) (?:mum|schtum|shtum)|tight lipped)\b/g,
    'undecided',
  ],
  // "which allies are playing their cards close to their chest"
  [
    /\b(?:play|plays|played|playing|keep|keeps|kept|keeping|hold|holds|held|holding) (?:it|(?:their|its|his|her) cards) close to (?:the|their|its|his|her) (?:chest|vest)\b/g,
    'undecided',
  ],
  // "which countries are sitting tight" / "biding their time" / "dragging their feet" / "holding fire"
  [
    /\b(?:(?:sit|sits|sat|sitting) tight|(?:bide|bides|bided|biding) (?:their|its|his|her) time|(?:drag|drags|dragged|dragging) (?:their|its|his|her) (?:feet|heels)|(?:hold|holds|held|holding) fire)\b/g,
    'undecided',
  ],
  // "which members are waiting to see" / "wait and see"
  [/\bwait and see\b/g, 'undecided'],
  // "which members have yet to declare"
  [
    /\b(?:yet|still) to (?:declare|decide|commit|choose|pick a side|take a side|take sides|voice|speak|say|state|announce)\b/g,
    'undecided',
  ],
  // "who are the fence-sitters"
  [/\bfence sitt(?:er|ers|ing)\b/g, 'undecided'],
  // "which countries haven't shown their hand"
  [
    /\b(?:show|shows|showed|shown|showing|tip|tips|tipped|tipping) (?:their|its|his|her) (?:hand|cards)\b/g,
    'announce',
  ],

  // ---- election / populist ----
  // "did rutte seek to be re-elected"
  [/\bre elect(?:ed|ing|s)?\b/g, 'reelection'],
  // "why was there a snap election"
  [/\bsnap (?:election|vote|poll)s?\b/g, 'election'],
  // "did the far right do well" / "hard-right" / "right-wingers" (new group "populist")
  [/\b(?:far|hard|extreme|radical|populist) right(?: wing(?:ers?)?)?\b/g, 'populist'],
  [/\bright wing(?:ers?)?\b/g, 'populist'],
  // "who came out on top in the dutch election"
  [/\b(?:come|comes|came|coming) out on top\b/g, 'win'],

  // ---- time / deadline ----
  // "what's the time frame for a decision"
  [/\btime ?frames?\b/g, 'when'],
  // "what month does stoltenberg leave"
  [/\b(?:what|which) (?:day|month|week|year)\b/g, 'when'],
  // "how long until the summit"
  [/\bhow (?:long|many (?:days|weeks|months)) (?:until|till|before|to go)\b/g, 'when'],
  // "what happens in the run-up to the summit" (new group "before")
  [/\b(?:in )?the (?:run|lead) up to\b/g, 'before'],
  // "is there a time limit" / "a cut-off date" / "a closing date"
  [/\b(?:time limits?|cut off (?:dates?|points?|times?)|closing dates?)\b/g, 'deadline'],
  // "is the door still open for new candidates"
  [/\b(?:is|was) the door (?:still )?(?:open|closed|shut)\b/g, 'is deadline'],
  // "can anyone else still enter the fray"
  [/\bthe fray\b/g, 'race'],

  // ---- meetings ----
  // "could the ministers' get-togethers reshape the field"
  [/\bget togethers?\b/g, 'meeting'],
  // "when do the ministers get together"
  [/\b(?:get|gets|got|getting) together\b/g, 'meet'],

  // ---- urge / warn / criticise ----
  // "did rutte call for more ammunition" / "called on allies"
  [/\b(?:call|calls|called|calling) (?:for|on)\b/g, 'urge'],
  // "what is rutte pressing for"
  [/\b(?:press|presses|pressed|pressing) for\b/g, 'urge'],
  // "did rutte advise against bashing allies" / "sound the alarm"
  [
    /\b(?:(?:advise|advises|advised|advising) against|(?:sound|sounds|sounded|sounding|raise|raises|raised|raising) the alarm)\b/g,
    'warn',
  ],
  // "did rutte warn against finger-pointing at allies" / "wagging fingers" (new group "criticise")
  [
    /\b(?:finger pointing|point(?:s|ed|ing)? (?:the )?fingers?|wag(?:s|ged|ging)? (?:a |their |his |her )?fingers?)\b/g,
    'criticise',
  ],
  // "did rutte tell people not to take aim at allies" / "lash out at" / "have a go at" / "bad-mouth"
  [
    /\b(?:(?:take|takes|took|taking) aim at|(?:lash|lashes|lashed|lashing) out at|(?:have|has|had|having) a go at|bad mouth(?:s|ed|ing)?)\b/g,
    'criticise',
  ],

  // ---- ammunition production (new group "boost") ----
  // "did rutte call for stepping up ammunition production" (only before production words)
  [
    /\b(?:step|steps|stepped|stepping|scale|scales|scaled|scaling|crank|cranks|cranked|cranking) up(?= (?:(?:the|its|their|our|european|arms|ammo|ammunition|munitions|shell|weapons|defence|defense|military) )*(?:production|output|manufacturing|supply|supplies|ammo|ammunition|munitions|shells|weapons|arms))/g,
    'boost',
  ],
  // "what did rutte say about pumping out more shells" / "churn out"
  [
    /\b(?:pump|pumps|pumped|pumping|churn|churns|churned|churning|crank|cranks|cranked|cranking) out\b/g,
    'boost',
  ],

  // ---- frame / strength / good / credential ----
  // "what's the sales pitch for rutte" / "how is rutte billed" (new group "frame")
  [/\b(?:sales pitch|(?:billed|sold) as)\b/g, 'frame'],
  // "what are rutte's selling points" / "strong suit"
  [/\b(?:(?:selling|strong|plus) points?|strong suits?)\b/g, 'strength'],
  // "is rutte cut out for the job" / "up to the job" / "the right man for the job"
  [/\b(?:cut out for|up to the (?:job|task)|the right (?:man|woman|person|choice|pick|fit) for)\b/g, 'good'],
  // "is rutte a safe pair of hands" / "a steady hand"
  [/\b(?:a )?(?:safe|steady) (?:pair of )?hands?\b/g, 'good'],
  // "what is rutte's track record on defence" / "bona fides"
  [/\b(?:track records?|bona fides)\b/g, 'credential'],

  // ---- partnership / pragmatism ----
  // "what did rutte say about co-operation with america"
  [/\bco operat(?:ion|e|es|ed|ing|ive)\b/g, 'cooperation'],
  // "what did rutte say about teaming up with america" / "join forces" / "hand in hand"
  [
    /\b(?:(?:team|teams|teamed|teaming) up|(?:join|joins|joined|joining) forces|hand in hand)\b/g,
    'cooperation',
  ],
  // "is rutte down to earth about the transatlantic relationship" (new group "pragmatism")
  [/\b(?:down to earth|level headed|no nonsense|hard headed)\b/g, 'pragmatism'],

  // ---- say / observers / outlets / numbers / profile ----
  // "is this bot up to date", "data freshness": how current the knowledge is, not a date
  [/\b(?:up to date|out of date|outdated|freshness|how fresh)\b/g, 'current'],
  // "what's Rutte's deal", "what's the deal with the Munich conference"
  [/\bwhat is (?:the )?deal with\b/g, 'tell me about'],
  [/\bwhat is (?!the\b)(\w+) deal\b/g, 'who is $1'],
  // "could you walk me through the timeline"
  [/\b(?:walk|take|talk) (?:me|us) through\b/g, 'tell me'],
  // "has Wallace put himself forward?": declared an interest
  [
    /\b(?:put|puts|putting) (?:himself|herself|themselves|his name|her name|their names?) (?:forward|up)\b/g,
    'declare',
  ],
  // "could any single ally hold up the appointment" (not "how is Rutte holding up?")
  [
    /\b(?:hold|holds|held|holding) up (?:the|his|her|a|an|any|this|that) (?:appointment|decision|choice|process|nomination|selection|pick|vote)\b/g,
    'block',
  ],
  // "why is Sunak mentioned in the article?": who he is and what part he plays
  [
    /\bwhy (?:is|are|was|were|does|do) (.+?) (?:even )?(?:mentioned|named|quoted|featured|included|feature|features|appear|appears|in) (?:in )?(?:the|this) (?:article|story|piece|report|coverage)\b/g,
    'who is $1',
  ],
  // "which president is referred to in the article": the article is where every answer comes from
  [
    /\b(?:mentioned|named|referred to|referenced|featured|included) (?:in|by) (?:the|this|that) (?:article|story|piece|report|coverage)\b/g,
    ' ',
  ],
  [/\bin the context of (?:the|this|that) (?:article|story|piece|race)\b/g, ' '],
  // "how does Biden fit into the race", "Hebestreit's connection to the race"
  [/\b(?:fit|fits|fitting|feature|features|featuring|figure|figures) (?:into|in)\b/g, 'role in'],
  [/\b(?:connection|involvement|relevance) (?:to|in|with)\b/g, 'role in'],
  // "Biden's position on Rutte becoming secretary general": the race itself, as "succeeding
  // Stoltenberg" is ("will he become…" stays a prediction; "head of the government" stays Dutch)
  [
    /\bbecoming (?:the )?(?:next )?(?:nato (?:secretary general|sec gen|secgen|sg|chief|boss|head)|secretary general|sec gen|secgen|sg)\b/g,
    'nato secretary general',
  ],
  // "did germany weigh in on rutte"
  [/\b(?:weigh|weighs|weighed|weighing) in\b/g, 'say'],
  // "what do think tanks say" / "the talking heads"
  [/\b(?:think tanks?|talking heads)\b/g, 'observer'],
  // "what did he tell reporters": speaking, not a news outlet
  [
    /\b(?:tell|tells|told|telling|brief|briefs|briefed|briefing) (?:the )?(?:reporters|journalists|press|media)\b/g,
    'say',
  ],
  [/\bpress (?:secretary|officer|spokesman|spokesperson|spokeswoman)\b/g, 'spokesperson'],
  // "which media are quoted": cited as sources, not speaking
  [/\b(?:are|were) (?:quoted|cited)\b/g, 'cite'],
  // "what do outside watchers make of it"
  [/\boutside (?:watchers?|observers?|analysts?|experts?|commentators?)\b/g, 'observer'],
  // "what's the shared message from London and Berlin"
  [/\b(?:shared|common|joint) (?:message|line|view|position|stance|script)\b/g, 'echo'],
  // "when is he clearing out his desk"
  [/\b(?:clear|clears|cleared|clearing) (?:out )?(?:his|her|their) (?:desk|office)\b/g, 'leave'],
  // "what has he done to pave his way to the job"
  [/\b(?:pave|paves|paved|paving) (?:his|her|their|the) way\b/g, 'consolidate'],
  // "which news sites reported it"
  [/\bnews ?(?:sites?|websites?)\b/g, 'outlet'],
  // "on paper, who is favourite" (not a newspaper)
  [/\bon paper\b/g, ' '],
  // "does rutte have the lion's share of the allies" / "the bulk of"
  [/\b(?:the )?(?:lions? share|bulk) of\b/g, 'majority of'],
  // "are the allies at odds" (before "odds" = chance)
  [/\bat odds\b/g, 'differ'],
  // "was it reuters that carried the white house comments": published, not carried by hand
  [
    /\b(?:carry|carries|carried|carrying) (?:the|this|that|those|these|his|her|their)(?: \w+){0,2} (?:story|stories|comments?|remarks?|report|news|quotes?|statements?)\b/g,
    'report',
  ],
  // "what's your source and how old is it": the knowledge's date, not someone's age
  [
    /\bhow old is (?:it|this|that|your (?:source|info|information|data|article|knowledge))\b/g,
    'how current is',
  ],
  // "what role does biden play", "what part did Kallas play": the role
  [/\b(role|part) (does|did|do) ((?:\w+ ){1,5})play\b/g, '$1 $2 $3'],
  // "what does the article say about rishi sunak": about him, not about the article
  [
    /\b(?:does|did) (?:the|this|that) (?:article|piece|story|report) (?:say|tell (?:us|me)) about\b/g,
    'about',
  ],
  [/\b(?:in|from) (?:the|this|that) (?:article|piece)\b/g, ' '],
  // "germany pro rutte y/n"
  [/\by n\b/g, ' '],
  // "what proportion has signed on for Rutte"
  [/\b(?:sign|signs|signed|signing) (?:on|up) (?:for|to|behind|with)\b/g, 'back'],
  // "how long is a secretary general's term": the office's rules, not when this holder leaves
  [
    /\bhow long (?:is|are|does|do) (?:a|an|the) (?:\w+ ){0,4}(?:term|terms|mandate|mandates)\b/g,
    'mandate length',
  ],
  // "how much longer is stoltenberg in the job"
  [/\bhow (?:much )?longer\b/g, 'when'],
  // "by when will we know the next sec gen": when it is decided
  // ("do you know if…" is a request, not a question about when)
  [
    /\b(?:(?:will|would|can|shall) (?:we|they|you|i|people)|do (?:we|they|people)) (?:know|find out|hear)\b/g,
    'decide',
  ],
  // "give me the quick rundown on Mark Rutte", "rutte bio in one line": who he is
  [
    /\b(?:give me |tell me |what is |what s )?(?:the |a |some )?(?:quick |short |brief )?(?:rundown|lowdown|bio|biography|primer|background) (?:on|of|for|about)\b/g,
    'who is',
  ],
  [/\b(?:bio|biography|rundown|lowdown)\b/g, 'who is'],
  [/\bin (?:one|a|two) (?:line|sentence|lines|sentences)\b/g, ' '],
  // "working his way towards Stoltenberg's chair": his post, the race for it (not "the chair of")
  [/\b(?<!the |a )(?:chair|seat)\b/g, 'successor'],
  // "can you confirm?", "is that confirmed?": asking to check, not about an announcement
  [/\b(?:can|could) (?:you|u) (?:confirm|verify|check)\b/g, ' '],
  [/\bis (?:that|this|it) (?:confirmed|verified)\b/g, ' '],
  // "the Yanks are all in on Rutte", "how many members has Rutte got in the bag"
  [/\ball in (?:on|for|behind)\b/g, 'back'],
  [/\bin the bag\b/g, 'back'],
  // "did any French official go on the record about Rutte"
  [/\b(?:(?:go|goes|went|gone|going) )?on (?:the )?record\b/g, 'say'],
  // "which article are you pulling from"
  [/\b(?:pull|pulls|pulled|pulling) (?:from|on)\b/g, 'based on'],
  // "any rivals worth knowing about"
  [/\bworth (?:knowing|mentioning|watching|noting)(?: about)?\b/g, ' '],
  // "Germany: for or against Rutte?"
  [/\bfor or against\b/g, 'back'],
  // "key dates pls"
  [/\b(?:key|important|main|major) dates\b/g, 'timeline'],
  // "how has rutte been working his way towards the job"
  [/\b(?:work|works|worked|working) (?:his|her|their) way\b/g, 'consolidate'],
  // "when are the allies expected to land on a decision"
  [
    /\b(?:land|lands|landed|landing|settle|settles|settled|settling) on (?:a |an |the )?(?:decision|choice|name|candidate)\b/g,
    'decide',
  ],
  // Months as chat abbreviates them: "was rutte on the ballot in nov?"
  [/\bfeb\b/g, 'february'],
  [/\bapr\b/g, 'april'],
  [/\bjul\b/g, 'july'],
  [/\baug\b/g, 'august'],
  [/\bsept?\b/g, 'september'],
  [/\boct\b/g, 'october'],
  [/\bnov\b/g, 'november'],
  [/\bdec\b/g, 'december'],
  // "if moscow's aggression pays off": Russia wins
  [/\b(?:pay|pays|paid|paying) off\b/g, 'win'],
  // "how has rutte been paving the way to take over from stoltenberg": succeed him
  [/\b(?:take|takes|took|taken|taking) over from\b/g, 'succeed'],
  // "what's rutte's day job"
  [/\bday job\b/g, 'job'],
  // "where does kallas hail from"
  [/\bhails? from\b/g, 'from'],
  // ---- earlier rules ----
  [/\b(?:come|comes|came|coming) out (?:for|behind|in favou?r of|in support of)\b/g, 'back'],
  [/\b(?:get|gets|got|getting|be|is|are) (?:behind)\b/g, 'back'],
  [
    /\b(?:throw|throws|threw|thrown|throwing|put|puts|putting) (?:their|its|his|her|our) (?:full )?weight behind\b/g,
    'back',
  ],
  [/\b(?:line|lines|lined|lining) up (?:behind|for)\b/g, 'back'],
  [/\bin (?:\w+ )?corner\b/g, 'back'],
  [/\b(?:lock|locks|locked|locking) (?:\w+ )?(?:down|up)\b/g, 'consolidate'],
  [/\b(?:pick|picks|picked|picking) up\b/g, 'gain'],
  [/\b(?:got|get|gets|have|has|had) (?:\w+ )?on side\b/g, 'back'],
  // "is Turkey on Rutte's side?"
  [/\bon (?!the |this |that |other |either |both )\w+ side\b/g, 'back'],
  [/\bhow much of\b/g, 'proportion of'],
  [/\bused to (?:be|have|hold)\b/g, 'former'],
  [/\bthe reason (?:behind|for)\b/g, 'why'],
  [/\bwhat time is it\b/g, 'clock'],
  [/\bwhat(?: is|s) (?:his|her|their|the) (?:deal|story)\b/g, 'who is'],
  // "the current sec gen": written out, so that names like "current secretary general" match
  [/\bsec(?:retary)? gen\b/g, 'secretary general'],
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
  [/(?<=\b(?:the|his|her|their|its|your|our|s|\w+n) )take\b/g, 'view'],
  [/\btake on\b/g, 'view on'],
  // "Who is in the running?", "is she running for the job?": a candidacy, not leading a country.
  // "Who's in the race?" is a candidacy; "the key dates in the race" are the race's.
  [
    /\bin the (?:running|race|frame|mix|hunt)\b(?<!\b(?:dates?|timeline|events?|milestones?|steps|happens|happened|when) in the \w+)/g,
    'candidate',
  ],
  // "Rutte not running for PM again?": not standing for re-election at home.
  [
    /\b(?:run|runs|running|ran|stand|stands|standing|stood) for (?:pm|prime minister|premier) again\b/g,
    'reelection',
  ],
  [/\b(?:run|runs|running|ran) for\b/g, 'candidate for'],
  // "Who's running?", "who else is running besides Rutte?": running with nothing to run is a
  // candidacy; "who is running NATO?" is leading it.
  [
    /\b(?:is|are|s|re|was|were|been|be|still|also|else|officially|actually|really) running\b(?! (?:nato|the|things|it|this|that|a|an|his|her|their|its|out))/g,
    'candidate',
  ],
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
  [/\b(?:such a |so |how )?big (?:a )?deal\b/g, 'important'],
  [/\bin (?:\w+ )?terms\b/g, ' '],
  [/\baccording to (?:the |this |that )?(?:article|report|piece|story|source)\b/g, ' '],
  [/\bre election\b/g, 'reelection'],
  [/\b(?:time|years?) (?:in (?:power|charge|office)|at the helm)\b/g, 'tenure'],
  [/\bin (?:power|charge|office)\b/g, 'lead'],
  // ---- everyday English and chat idioms ----
  [/\bwhen(?:ever)? (?:you|u) (?:get|have|got) (?:a )?(?:chance|sec|second|moment|minute|min|time)\b/g, ' '],
  [
    /\b(?:get|gets|got|getting|come|comes|came|circle|circling|report|reports|reporting) back to (?:me|us)\b/g,
    ' ',
  ],
  [/\bback (in|then|during|around)\b/g, '$1'],
  [/\b(?:way back|looking back|look back)\b/g, ' '],
  [/\b(?:go|goes|going|went|coming|come|circling|circle) back to\b/g, ' '],
  [/\b(?:take|takes|took|taking) a step back\b/g, ' '],
  [/\bwhen it comes to\b/g, 'about'],
  [/\b(?:let s|lets|let us) say\b/g, ' '],
  [/\b(?:would|could) (?:you|u) say\b/g, ' '],
  [/\b(?:do|did|would) (?:you|u) (?:think|reckon)\b/g, ' '],
  [/\bin (?:your|ur) (?:humble )?(?:view|opinion)\b/g, ' '],
  [/\b(?:i|i ve|ive|i have) (?:was |been )?told\b/g, ' '],
  [/\b(?:someone|somebody|people) (?:said|says|mentioned|is saying|are saying|told me)\b/g, ' '],
  [
    /\b(?:in a nutshell|in short|long story short|in plain english|at a glance|off the top of (?:your|ur) head)\b/g,
    ' ',
  ],
  [/\b(?:ngl|iirc|afaict|fwiw|imho|idk|tbf|tyvm|eli5|tl ?dr|asap)\b/g, ' '],
  [/\bgood (?:morning|afternoon|evening|day)\b/g, ' '],
  [/\bhope (?:you re|youre|you are|ur|all is|everyone is|everyones) (?:well|good|doing well|ok)\b/g, ' '],
  [/\b(?:is there )?any chance (?:you|u) (?:can|could|know)\b/g, ' '],
  [
    /\b(?:correct me if i ?(?:m|am) wrong|if i (?:understand|remember|recall) (?:correctly|right|rightly))\b/g,
    ' ',
  ],
  [/\b(?:(?:just )?to (?:double check|clarify|be clear|be sure)|(?:quick )?sanity check)\b/g, ' '],
  [/\b(?:(?:just )?out of (?:interest|curiosity)|asking for a friend|for context)\b/g, ' '],
  // Why someone asks, not what: "I'm writing a student essay…", "for my planning doc",
  // "before a podcast recording", "in a meeting tomorrow", "my editor wants…".
  [
    new RegExp(
      `\\b(?:prepping|preparing|writing|drafting|putting together|pulling together|building|making|doing|working on|planning|compiling|updating|finishing|researching) (?:a |an |my |the |our |some )?(?:\\w+ ){0,3}?${workProducts}\\b`,
      'g',
    ),
    ' ',
  ],
  [
    new RegExp(
      `\\b(?:for|before|ahead of|after) (?:(?:a|an|my|our|the team s|tomorrow s|today s|this week s|next week s) (?:\\w+ ){0,2}?${workProducts}|(?:my|our|the team s|tomorrow s|today s|this week s|next week s|a (?:team|staff|work|quick|board|client|weekly|department|planning|policy|strategy|podcast)) (?:meeting|call|recording|standup|offsite|workshop|session|interview))\\b`,
      'g',
    ),
    ' ',
  ],
  [
    /\b(?:in|at|during) (?:a|our|my|the team s|tomorrow s) (?:\w+ )?(?:meeting|seminar|class|lecture|standup|offsite|workshop|session)(?: (?:tomorrow|today|tonight|later|next week|this week|this afternoon|this morning))?\b/g,
    ' ',
  ],
  // Asking for the answer, not for anything in particular: "…What should I tell her?"
  [
    /\bwhat (?:should|do|would|can) (?:i|we) (?:tell|say to|answer) (?:her|him|them|my \w+|our \w+|the \w+)\b/g,
    ' ',
  ],
  [/\bwhat (?:should|do|would|can) (?:i|we|it) say\b/g, ' '],
  [/\bwhat (?:s|is) the answer(?: (?:according to|in) the (?:article|piece|story|source))?\b/g, ' '],
  [
    /\b(?:my|our|a) (?:boss|manager|editor|professor|teacher|lecturer|tutor|colleague|coworker|friend|cousin|team|class|students|reader|readers|listener|listeners|audience|client) (?:\w+ )?(?:asked|asks|wants|wanted|needs|needed|thinks|thought|reckons|keeps saying|swears|claims|is asking|emailed|wrote|said|says|insists|insisted|mentioned|told me|told us)(?: (?:me|us))?\b/g,
    ' ',
  ],
  [/\b(?:more |most )?importantly\b/g, ' '],
  [/\b(?:leaving|leave|putting|put) (?:that |it |this )?aside\b/g, ' '],
  [/\b(?:in view of|with a view to|in light of)\b/g, ' '],
  [/\bresigned to\b/g, 'accept'],
  [
    /\b(?:lend|lends|lent|lending) (?:(?:their|its|his|her|our) )?(?:full |strong )?(?:support|backing|weight|voice|name) (?:to|behind)\b/g,
    'back',
  ],
  [/\b(?:bat|bats|batted|batting) for\b/g, 'back'],
  [/\b(?:pull|pulls|pulled|pulling) for\b/g, 'back'],
  [/\b(?:come|comes|came|coming) (?:a)?round to\b/g, 'back'],
  [/\b(?:talk|talks|talked|talking) up\b/g, 'back'],
  [/\b(?:the|their|its|his|her) blessings?\b/g, 'back'],
  [/\b(?:a |the )?vote of confidence\b/g, 'back'],
  [/\bstan(?:s|ned|ning)?\b/g, 'back'],
  [/\b(?:sing|sings|sang|sung|singing) (?:\w+ ){0,2}praises?\b/g, 'back'],
  [/\b(?:speak|speaks|spoke|spoken|speaking) (?:up|out) (?:for|in favou?r of)\b/g, 'back'],
  [/\b(?:stand|stands|stood|standing) with\b/g, 'back'],
  [/\bwhich side (?:is|are|was|were) (\w+(?: \w+)?) on\b/g, 'back $1'],
  [/\b(?:chime|chimes|chimed|chiming|pipe|pipes|piped|piping) (?:in|up)\b/g, 'say'],
  [/\bmessaging\b/g, 'say'],
  [/\b(?:tweet|tweets|tweeted|tweeting)\b/g, 'say'],
  [/\bhow (did|does|do) ((?:\w+ ){1,3})put it\b/g, 'how $1 $2say'],
  [/\b(?:go|goes|went|gone|going) public\b/g, 'say'],
  [/\bmake of\b/g, 'view of'],
  [
    /\bwhere (?:does|do|did|is|are) ((?:\w+ ){1,3})stand\b(?! (?:on|in|at|for|by|behind|down|aside|again|with))/g,
    'view $1',
  ],
  [/\bwhere(?: is| s|s| are) ((?:\w+ ){1,3})at (?:on|with|re|regarding)\b/g, 'view $1 on'],
  [/\bhow (?:does|do|did) ((?:\w+ ){1,3})(?:see|regard|rate|judge|assess|size up)\b/g, 'view $1'],
  [/\bhow (?:is|are|was|were) ((?:\w+ ){1,3})(?:seen|perceived|viewed|rated|thought of)\b/g, 'view $1'],
  [/\b(?:two|2) cents\b/g, 'view'],
  [/\bvibes?\b/g, 'view'],
  [/\bpov\b/g, 'view'],
  [/\b(?:do|does|did) ((?:\w+ ){1,3})reckon\b/g, 'view $1'],
  [/\bin contention\b/g, 'candidate'],
  [/\bin the ring\b/g, 'candidate'],
  [/\b(?:on the )?(?:short|long) ?list(?:ed|s)?\b/g, 'candidate'],
  [/\bup for the (job|post|role|position|gig|top job)\b/g, 'candidate for the $1'],
  [
    /\b(?:throw|throws|threw|thrown|throwing|put|puts|putting|toss|tosses|tossed|tossing) (?:his|her|their|its) names? (?:in|into)(?: the (?:ring|hat|mix))?\b/g,
    'candidate',
  ],
  [/\b(?:make|makes|made|making) a (?:run|play|bid) for\b/g, 'candidate for'],
  [
    /\b(?:angle|angles|angled|angling|go|goes|went|going|chase|chases|chased|chasing) for the (?:top )?(?:job|post|role|gig|position)\b/g,
    'candidate for the job',
  ],
  [/\binterested in the (?:top )?(?:job|post|role|gig|position)\b/g, 'candidate interest'],
  [/\bcandidatures?\b/g, 'candidate'],
  [/\brunners and riders\b/g, 'candidates'],
  [/\b(?:hand|hands|handed|handing) over (?:to|power|the job|control|the post)\b/g, 'leave'],
  [
    /\b(?:last|final) (?:day|days|week|weeks|month|months) (?:in|on) (?:the )?(?:job|post|role|office)\b/g,
    'leave',
  ],
  [
    /\b(term|mandate|tenure|stint) (?:is |will be )?(?:up|over|ends?|ending|ended|finish(?:es|ed)?|concludes?|concluded)\b/g,
    '$1 expire',
  ],
  [/\bend of (?:\w+ ){0,2}(?:term|mandate|tenure|stint)\b/g, 'leave'],
  [/\b(?:his|her|their) time (?:is |will be |s )?up\b/g, 'leave'],
  [/\b(?:head|heads|headed|heading) for the exits?\b/g, 'leave'],
  [/\b(?:step|steps|stepped|stepping) back from\b/g, 'leave'],
  [/\b(?:his|her|their|its) notice\b/g, 'resign'],
  [/\b(?:jack|jacks|jacked|jacking|chuck|chucks|chucked|chucking) it in\b/g, 'resign'],
  [/\b(?:forced|pushed|hounded|driven) out\b/g, 'resign'],
  [/\b(?:hammer|hammers|hammered|hammering|thrash|thrashes|thrashed|thrashing) out\b/g, 'decide'],
  [
    /\b(?:reach|reaches|reached|reaching|come to|comes to|came to|coming to|arrive at|arrived at) (?:a |an |the )?(?:final )?(?:decision|verdict|agreement|conclusion)\b/g,
    'decide',
  ],
  [/\b(?:seal|seals|sealed|sealing) the deal\b/g, 'decide'],
  [/\b(?:pull|pulls|pulled|pulling) the trigger\b/g, 'decide'],
  [/\btapped (?:as|to|for)\b/g, 'decide'],
  [/\bdecision (?:time|day)\b/g, 'when decide'],
  [/\b(?:be|been|get|gets|got|is|was) (?:confirmed|installed|ratified) (?:as|in)\b/g, 'decide'],
  [/\bwhen (?:will|do|does|is|are|would) ((?:\w+ ){1,3})(?:name|naming)\b(?! of)/g, 'when $1decide'],
  [
    /\b(?:fill|fills|filled|filling) (?:the )?(?:post|job|vacancy|role|slot|seat|position|top job)\b/g,
    'decide',
  ],
  [/\b(?:fill|fills|filled|filling) (?:\w+ ){1,2}shoes\b/g, 'replace'],
  [/\bat what (?:point|stage|juncture)\b/g, 'when'],
  [/\bhow far (?:off|away)\b/g, 'when'],
  [/\b(?:slated|pencilled|penciled|earmarked) (?:for|in)\b/g, 'when'],
  [/\bschedul(?:e|es|ed|ing)\b/g, 'when'],
  [/\btime ?tables?\b/g, 'timeline'],
  [/\b(?:milestones?|key moments)\b/g, 'timeline'],
  [/\b(?:unfold|unfolds|unfolded|unfolding)\b/g, 'timeline'],
  [
    /\bhow (?:we got|did we get|we ve got|weve got|it got|did it get|did this get) (?:here|to this point|to where we are)\b/g,
    'timeline',
  ],
  [/\bwhat(?: is| s|s) behind\b/g, 'why'],
  [/\bwhat (?:prompted|motivated|drove|led to|caused|triggered|sparked|made)\b/g, 'why'],
  [/\bfor what reason\b/g, 'why'],
  [/\bon what (?:grounds|basis)\b/g, 'why'],
  [/\b(?:the )?(?:reasoning|rationale|motive|motives|motivation|logic) (?:behind|for)\b/g, 'why'],
  [/\bhow so\b/g, 'why'],
  [/\bwhat explains\b/g, 'why'],
  [/\b(?:nail|nails|nailed|nailing) (?:it |this |the \w+ )?down\b/g, 'consolidate'],
  [/\b(?:build|builds|built|building) up (?:support|backing|momentum|a coalition)\b/g, 'consolidate'],
  [
    /\b(?:strengthen|strengthens|strengthened|strengthening|beef|beefs|beefed|beefing) (?:up )?(?:his|her|their|its) (?:hand|grip|hold|position|standing|bid|candidacy)\b/g,
    'consolidate',
  ],
  [/\b(?:position|positions|positioned|positioning) (?:himself|herself|themselves|itself)\b/g, 'consolidate'],
  [/\b(?:lay|lays|laid|laying) (?:the )?(?:groundwork|foundations?)\b/g, 'consolidate'],
  [/\bin an? (?:strong|stronger|commanding|unassailable|solid|dominant) position\b/g, 'consolidate'],
  [/\b(?:rack|racks|racked|racking|rake|rakes|raked|raking|stack|stacks|stacked|stacking) up\b/g, 'gain'],
  [
    /\b(?:have not|haven t|havent|has not|hasn t|hasnt|did not|didn t|didnt|do not|don t|dont|does not|doesn t|doesnt|not|never|yet to|still to) (?:say|said|speak|spoke|spoken|comment|commented|weigh in|weighed in|declare|declared) (?:anything|a word|publicly|yet)\b/g,
    'undecided',
  ],
  [
    /\b(?:have not|haven t|havent|has not|hasn t|hasnt|did not|didn t|didnt|do not|don t|dont|does not|doesn t|doesnt|not|never|yet to|still to) (?:picked|chosen|taken|pick|choose|take) (?:a )?sides?\b/g,
    'undecided',
  ],
  [
    /\b(?:have not|haven t|havent|has not|hasn t|hasnt|did not|didn t|didnt|do not|don t|dont|does not|doesn t|doesnt|not|never|yet to|still to) (?:committed|commit)\b/g,
    'undecided',
  ],
  [/\bno comment\b/g, 'undecided'],
  [/\bradio silen(?:ce|t)\b/g, 'undecided'],
  [/\b(?:sit|sits|sat|sitting) on (?:their|its|his|her) hands\b/g, 'undecided'],
  [/\bneutral(?:ity)?\b/g, 'undecided'],
  [/\bmixed feelings\b/g, 'undecided'],
  [/\btorn (?:between|over|on|about)\b/g, 'undecided'],
  [/\b(?:dither|dithers|dithered|dithering)\b/g, 'undecided'],
  [/\b(?:hold|holds|held|holding) back\b/g, 'undecided'],
  [/\bnon committal\b/g, 'undecided'],
  [
    /\b(?:stay|stays|stayed|staying|keep|keeps|kept|keeping) out of (?:it|this|the (?:debate|fight|row))\b/g,
    'undecided',
  ],
  [/\b(?:why|how much) (?:does|do|did|would|will) ((?:\w+ ){1,4})matter\b/g, 'why $1 important'],
  [/\bhow much weight\b/g, 'how important'],
  [/\bgame ?changers?\b/g, 'important'],
  [/\bwhy (?:should|does|do|would) (?:we|i|anyone|you) care\b/g, 'why important'],
  [/\b(?:huge|massive|major) deal\b/g, 'important'],
  [/\b(?:break|breaks|broke|broken|breaking) (?:the |this |that )?(?:story|news)\b/g, 'report'],
  [/\b(?:run|runs|ran|running) (?:the |this |that )?(?:story|piece|scoop)\b/g, 'report'],
  [/\b(?:made|make|makes|making|hit|hits|grab|grabbed|grabbing) (?:the )?headlines\b/g, 'report'],
  [/\b(?:on|over) the wires?\b|\bnews ?wires?\b|\bwire (?:services?|reports?|story)\b/g, 'report'],
  [/\bcover(?:ed|s|ing)? (?:the |this |that )?(?:story|news|race|remarks)\b/g, 'report'],
  [/\b(?:victor|victors|victorious|victory|victories)\b/g, 'win'],
  [/\bprevail(?:s|ed|ing)?\b/g, 'win'],
  [/\bwinners?\b/g, 'win'],
  [/\b(?:pull|pulls|pulled|pulling) (?:it|this) off\b/g, 'win'],
  [/\b(?:go|goes|went|gone|going|head|heads|headed|heading) to the polls\b/g, 'election'],
  [/\bpolling (?:day|station|stations|booth|booths)\b|\bballot box(?:es)?\b/g, 'election'],
  [
    /\b(?:(?:seek|seeks|sought|seeking|want|wants|wanted|go for|going for|went for) )?(?:another|a (?:fifth|fourth|further)) (?:term|mandate)\b/g,
    'reelection',
  ],
  [/\b(?:run|runs|ran|running) again\b/g, 'reelection'],
  [
    /\bwhat (?:does|do|did) (?!(?:this|that|you|u|it|i|we|they|the bot|bot|the natobot|natobot)\b)(?:the )?(\w+(?: \w+)?) do(?: for (?:a living|work)\b| *$)/g,
    'role $1',
  ],
  [/\b(?:in )?what capacity\b/g, 'role'],
  [/\bwho (?:does|do|did) ((?:\w+ ){1,3})work for\b/g, 'role $1'],
  [/\bwhere (?:does|do|did) ((?:\w+ ){1,3})work\b(?! (?:with|together|closely))/g, 'role $1'],
  [
    /\bwhat (?:office|post|position|job|title)s? (?:does|do|did) ((?:\w+ ){1,3})(?:hold|have|occupy|fill)\b/g,
    'role $1',
  ],
  [/\b(?:never|not|ve not|have not) heard of\b/g, 'who is'],
  [/\bprofile (?:of|on)\b/g, 'who is'],
  [/\b(?:best |mainly |mostly )?(?:known|famous) for\b/g, 'who is'],
];

const applyRewrites = compileRewrites(phraseRewrites);

export function rewritePhrases(normalized: string): string {
  const s = applyRewrites(normalized);
  return s === normalized ? s : s.replace(/\s+/g, ' ').trim();
}

/**
 * Synonym groups: every word in a group is indexed and queried as the group's first word.
 * Written as plain words; they are stemmed when the matcher builds its index.
 */
export const synonymGroups: string[][] = [
  ['possible', 'potential', 'prospective'],
  ['government', 'govt', 'gov'],
  ['former', 'previous', 'previously', 'erstwhile'],
  [
    'back',
    'embrace',
    'recommend',
    'onboard',
    'blessing',
    'greenlight',
    'enthusiastic',
    'keen',
    'nod',
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
    'pledge',
    'fan',
    'cheerleader',
    'prefer',
    'preferred',
    'preference',
    'supportive',
    'proponent',
  ],
  [
    'candidate',
    'nomination',
    'wannabe',
    'contender',
    'candidacy',
    'bid',
    'nominee',
    'contestant',
    'hopeful',
    'runner',
    'challenger',
    'applicant',
    'aspirant',
  ],
  [
    'rival',
    'underdog',
    'longshot',
    'other',
    'competitor',
    'opponent',
    'competition',
    'alternative',
    'else',
    'compete',
    'vie',
    'vying',
    'rivalry',
  ],
  [
    'say',
    'quote',
    'quoted',
    'said',
    'statement',
    'remark',
    'comment',
    'claim',
    'mention',
    'word',
    'talk',
    'speak',
    'spoke',
    'speech',
    'keynote',
    'stress',
    'underline',
    'underscore',
    'praise',
    'describe',
    'description',
    'highlight',
    'argument',
    'message',
    'emphasise',
    'emphasize',
    'gist',
  ],
  ['resign', 'abdicate', 'resignation', 'quit'],
  [
    'leave',
    'outgoing',
    'handover',
    'expiry',
    'expiration',
    'depart',
    'departure',
    'exit',
    'retire',
    'retirement',
    'finish',
    'left',
    'expire',
    'vacate',
    'farewell',
  ],
  [
    'lead',
    'spearhead',
    'oversee',
    'oversaw',
    'stewardship',
    'led',
    'run',
    'helm',
    'govern',
    'steer',
    'preside',
    'ran',
  ],
  [
    'surface',
    'rumoured',
    'rumored',
    'rumour',
    'speculation',
    'linked',
    'float',
    'emerge',
    'touted',
    'floated',
    'moot',
    'mooted',
  ],
  ['consolidate', 'clinch', 'reinforce', 'strengthen', 'solidify', 'cement', 'bolster', 'entrench', 'shore'],
  [
    'collapse',
    'demise',
    'breakup',
    'meltdown',
    'disintegrate',
    'fall',
    'fell',
    'topple',
    'downfall',
    'implode',
    'implosion',
    'crumble',
    'unravel',
    'oust',
    'ouster',
  ],
  [
    'shape',
    'tilt',
    'modify',
    'influence',
    'affect',
    'sway',
    'determine',
    'change',
    'alter',
    'reshape',
    'mould',
    'mold',
    'kingmaker',
  ],
  ['old', 'age', 'aged', 'birthday'],
  ['country', 'nation', 'member', 'ally', 'allies', 'allied'],
  ['partnership', 'partner', 'friendship', 'relationship', 'relation'],
  [
    'differ',
    'disagree',
    'disagreement',
    'contrast',
    'mismatch',
    'different',
    'difference',
    'differing',
    'diverge',
    'divergent',
    'divergence',
    'vary',
  ],
  [
    'election',
    'elected',
    'polling',
    'vote',
    'poll',
    'ballot',
    'reelection',
    'voting',
    'reelect',
    'voter',
    'electorate',
    'electoral',
  ],
  ['ammunition', 'artillery', 'ammo', 'munition', 'shell', 'ordnance'],
  ['defence', 'defense', 'military', 'army'],
  ['when', 'date', 'timing', 'time', 'soon', 'timescale', 'eta'],
  [
    'decide',
    'designate',
    'outcome',
    'conclude',
    'decision',
    'choose',
    'choice',
    'pick',
    'select',
    'selection',
    'appoint',
    'resolution',
    'settle',
    'chosen',
    'appointment',
    'finalise',
    'finalize',
  ],
  ['meeting', 'session', 'meet', 'ministerial', 'gathering', 'met', 'convene', 'huddle', 'meetup', 'confab'],
  ['summit'],
  [
    'outlet',
    'outlets',
    'publisher',
    'newsroom',
    'journos',
    'media',
    'press',
    'newspaper',
    'cite',
    'journalist',
    'reporter',
    'website',
    'publication',
    'paper',
    'broadcaster',
    'magazine',
    'tabloid',
    'correspondent',
  ],
  ['deadline', 'cutoff', 'cut off'],
  [
    'view',
    'regarded',
    'response',
    'assessment',
    'judgement',
    'judgment',
    'outlook',
    'opinion',
    'position',
    'stance',
    'line',
    'think',
    'thought',
    'angle',
    'verdict',
    'feel',
    'feeling',
    'believe',
    'belief',
    'react',
    'reaction',
    'attitude',
    'perspective',
    'viewpoint',
    'standpoint',
    'sentiment',
  ],
  ['argue', 'contend', 'insist', 'assert'],
  ['urge', 'urging', 'appeal', 'plead', 'nudge', 'demand', 'push', 'encourage', 'exhort', 'implore'],
  ['warn', 'warning', 'admonish', 'caution'],
  [
    'observer',
    'commentary',
    'commentariat',
    'wonk',
    'outsider',
    'analyst',
    'expert',
    'commentator',
    'pundit',
    'watcher',
    'columnist',
    'specialist',
    'scholar',
    'onlooker',
  ],
  [
    'strength',
    'pros',
    'positives',
    'acumen',
    'skill',
    'talent',
    'strong',
    'quality',
    'merit',
    'asset',
    'advantage',
    'upside',
    'forte',
    'virtue',
  ],
  ['credential', 'experience', 'experienced', 'savvy', 'qualification', 'qualified', 'expertise', 'pedigree'],
  [
    'good',
    'better',
    'best',
    'brilliant',
    'impressive',
    'perfect',
    'great',
    'excellent',
    'exceptional',
    'ideal',
    'suitable',
    'outstanding',
    'superb',
    'capable',
    'competent',
    'suited',
  ],
  [
    'many',
    'number',
    'count',
    'proportion',
    'share',
    'percent',
    'percentage',
    'fraction',
    'majority',
    'tally',
    'amount',
    'headcount',
    'portion',
    'slice',
  ],
  ['echo', 'repeat', 'mirror', 'seconded', 'agree', 'concur', 'reiterate', 'parrot'],
  [
    'undecided',
    'abstain',
    'unsure',
    'unconvinced',
    'undeclared',
    'fencesitter',
    'lukewarm',
    'silent',
    'silence',
    'quiet',
    'uncommitted',
    'noncommittal',
    'wavering',
    'waver',
    'ambivalent',
    'holdout',
    'hesitant',
    'reluctant',
  ],
  ['role', 'title', 'job', 'gig', 'occupation', 'profession'],
  [
    'frame',
    'billed',
    'narrative',
    'spin',
    'branded',
    'framing',
    'pitch',
    'portray',
    'portrayal',
    'depict',
    'characterise',
    'characterize',
  ],
  [
    'important',
    'paramount',
    'indispensable',
    'relevant',
    'importance',
    'crucial',
    'vital',
    'essential',
    'pivotal',
    'significant',
    'significance',
    'decisive',
  ],
  ['dominant', 'dominance', 'powerful', 'clout', 'mighty', 'heft', 'muscle'],
  ['replace', 'substitute', 'supplant', 'replacement'],
  ['populist', 'extremist', 'nativist', 'populism', 'nationalist', 'nationalism'],
  ['migration', 'refugees', 'emigration', 'immigration', 'migrant', 'immigrant', 'asylum', 'refugee'],
  [
    'announce',
    'formalise',
    'formalize',
    'disclose',
    'proclaim',
    'announcement',
    'declare',
    'declaration',
    'confirm',
    'confirmation',
    'unveil',
    'reveal',
  ],
  [
    'process',
    'rule',
    'rules',
    'rulebook',
    'mechanics',
    'procedural',
    'procedure',
    'mechanism',
    'method',
    'protocol',
  ],
  ['report', 'writeup', 'coverage', 'scoop', 'reportage'],
  ['frontrunner', 'likeliest', 'presumptive', 'frontrunners', 'favourite', 'favorite'],
  ['gain', 'grow', 'grew', 'uptick', 'momentum', 'traction', 'headway', 'snowball'],
  ['chance', 'probability', 'betting', 'odds', 'likelihood', 'prospects'],
  ['lineup', 'roster', 'slate', 'field'],
  [
    'criticise',
    'critique',
    'condemn',
    'denounce',
    'lambast',
    'criticize',
    'criticism',
    'badmouth',
    'bash',
    'scold',
    'berate',
    'rebuke',
    'slam',
  ],
  ['rhythm', 'sync', 'synch', 'tempo', 'cadence'],
  ['pragmatism', 'realpolitik', 'pragmatic', 'pragmatist', 'realism', 'realistic', 'realist', 'hardheaded'],
  ['cooperation', 'coordination', 'coordinate', 'cooperate', 'collaboration', 'collaborate', 'teamwork'],
  [
    'veto',
    'obstruct',
    'stymie',
    'nix',
    'sabotage',
    'block',
    'blackball',
    'scupper',
    'torpedo',
    'derail',
    'thwart',
  ],
  ['background', 'profile', 'career', 'cv', 'backstory'],
  ['spokesperson', 'mouthpiece', 'spokesmen', 'spokesman', 'spokeswoman', 'spokespeople', 'spox'],
  ['war', 'hostilities', 'conflict', 'warfare'],
  ['aggression', 'onslaught', 'incursion', 'invaded', 'invasion', 'invade', 'aggressor'],
  ['before', 'ahead', 'earlier', 'prior', 'beforehand'],
  ['boost', 'ramp'],
  ['attend', 'appear', 'participate', 'attendance', 'attendee', 'appearance'],
];

/**
 * Countries outside the alliance, in one word as questions write them. A question that names one
 * the knowledge does not know ("what did Rutte say about China?") is about something the article
 * does not cover, even when typed in lower case.
 */
export const worldNames = new Set(
  `china chinese india indian japan japanese iran iranian israel israeli australia australian
  brazil brazilian mexico mexican argentina egypt saudi syria syrian iraq iraqi afghanistan
  pakistan korea korean taiwan taiwanese vietnam indonesia nigeria kenya ethiopia belarus
  belarusian moldova serbia serbian switzerland swiss austria austrian ireland irish zealand
  venezuela cuba chile colombia peru qatar emirates lebanon palestine palestinian gaza yemen
  libya morocco algeria tunisia armenia azerbaijan kazakhstan bosnia kosovo cyprus malta
  singapore thailand philippines malaysia bangladesh africa beijing tehran delhi tokyo`
    .split(/\s+/)
    .filter(Boolean),
);

const wordSet = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/));

/**
 * Words that name a member country and are everyday words too, with the neighbours that make them
 * the everyday word (`before` it, `after` it, unless it follows one of `notAfter`): "I'll polish
 * the draft" but not "are the polish the holdouts?", "a turkey sandwich", "I'm so hungry" (a typo
 * of Hungary otherwise: "hungry back rutte?"). Read so, they name no one.
 */
export const everydayWords: ReadonlyMap<
  string,
  { before?: ReadonlySet<string>; after?: ReadonlySet<string>; notAfter?: ReadonlySet<string> }
> = new Map([
  [
    'polish',
    {
      after: wordSet('the this that these those it them my our your his her their up off'),
      notAfter: wordSet('the'),
    },
  ],
  [
    'turkey',
    {
      before: wordSet('a roast roasted smoked sliced'),
      after: wordSet('sandwich sandwiches dinner burger burgers leg legs breast club wrap bacon slices'),
    },
  ],
  ['hungry', { before: wordSet('am so very really getting feeling still too be get got') }],
]);
