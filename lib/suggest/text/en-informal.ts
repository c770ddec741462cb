/**
 * Informal English as buyers type it in chat ("cant get the site to take my addy", "need it by tmrw",
 * "whats the last day to order for xmas"), rewritten to the words a team lead writes, before ranking.
 * Messages only: packs are written in standard English.
 *
 * Sources: general chat and SMS abbreviations and clipped words as listed in general references (for
 * example Wiktionary's "Appendix:English internet slang" and its entries for each form),  and the retail abbreviations stores and carriers use in their own pages (BF, BOGO,
 * OOS). None was taken from an evaluation message. Only forms that are not themselves common English
 * words are listed ("cos" but not "sub", "pic" but not "cap"), so a standard message is never changed.
 */

/** Informal form → standard words (normalised: lower case). */
const INFORMAL: Record<string, string> = {
  // Clipped and phonetic spellings.
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  tmro: 'tomorrow',
  tomoz: 'tomorrow',
  '2morrow': 'tomorrow',
  '2day': 'today',
  '2nite': 'tonight',
  tonite: 'tonight',
  nite: 'night',
  b4: 'before',
  bcuz: 'because',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  thru: 'through',
  tho: 'though',
  ppl: 'people',
  msg: 'message',
  msgs: 'messages',
  pic: 'picture',
  pics: 'pictures',
  info: 'information',
  acct: 'account',
  addy: 'address',
  addr: 'address',
  pw: 'password',
  pwd: 'password',
  qty: 'quantity',
  amt: 'amount',
  approx: 'approximately',
  xmas: 'christmas',
  bday: 'birthday',
  wk: 'week',
  wks: 'weeks',
  wknd: 'weekend',
  hr: 'hour',
  hrs: 'hours',
  mins: 'minutes',
  yr: 'year',
  yrs: 'years',
  // "now" alone: "right" of "right now" matched entries about the right size or a price right after buying.
  rn: 'now',
  asap: 'as soon as possible',
  gonna: 'going to',
  gotta: 'got to',
  dunno: 'do not know',
  idk: 'i do not know',
  lemme: 'let me',
  gimme: 'give me',
  kinda: 'kind of',
  sorta: 'sort of',
  nvm: 'never mind',
  btw: 'by the way',
  fyi: 'for your information',
  tbh: 'to be honest',
  def: 'definitely',
  probs: 'probably',
  convo: 'conversation',
  rcvd: 'received',
  recd: 'received',
  pkg: 'package',
  pkgs: 'packages',
  intl: 'international',
  dept: 'department',
  svc: 'service',
  cust: 'customer',
  // Retail abbreviations.
  bf: 'black friday',
  bfcm: 'black friday cyber monday',
  bogo: 'buy one get one',
  oos: 'out of stock',
};

/** Words (letters, digits, apostrophes) of a normalised message; the rest is kept as it is. */
const WORD = /[a-z0-9']+/g;

/**
 * "send it back", "ship the boots back", "mail back the hub": the phrasal verb, its object between or after, is
 * what a team lead writes as "return". Read word by word, "send" is shipping (a synonym of deliver) and "back" a
 * place or "back in stock", which led "can I send these back" to the delivery and restock entries. Not when the
 * shop sends something to the buyer ("send me back…", "back to me").
 */
const SENT_BACK =
  /\b(?:send|sends|sending|sent|ship|ships|shipping|shipped|mail|mails|mailing|mailed|post|posting|posted)\s+(?!me\b|us\b)((?:[a-z0-9'’]+\s+){0,3}?)back\b(?!\s+to\s+(?:me|us)\b)/g;

/**
 * "can it still go back?", "I want give back the hoodie", "will you take them back?": the same return told with go,
 * give or take — go only with the thing as its subject (not "go back to sleep"), give and take with the thing
 * as their object, never with "to me/us". "return" is added after the phrase (its words stay). Fresh dev
 * hearth-home 0.834 → 0.838, stride-co 0.821 → 0.827; nothing else moved.
 */
const GOES_BACK =
  /\b(?:(?:it|they|this|that|these|those|one|ones)\s+(?:[a-z'’]+\s+){0,2}?(?:go|goes|going|went|gone)\s+back|(?:give|gives|giving|gave|take|takes|taking|took)\s+(?:it|them|this|that|these|those|(?:the|my|this|that|these|those)\s+[a-z'’]+(?:\s+[a-z'’]+)?)\s+back|(?:give|gives|giving|gave)\s+back\s+(?:the|my|this|that|these|those|it|them)\b)(?!\s+to\s+(?:me|us|sleep|bed|work|normal)\b)(?!\s+in\b)/g;

/** The message with informal forms written out; unchanged (the same string) when it has none. */
export function expandInformal(normalized: string): string {
  if (!/[a-z]/.test(normalized)) return normalized;
  let changed = false;
  const words = normalized.replace(WORD, (word) => {
    const standard = INFORMAL[word];
    if (standard === undefined || !Object.hasOwn(INFORMAL, word)) return word;
    changed = true;
    return standard;
  });
  const out = words
    .replace(SENT_BACK, (_, between: string) => {
      changed = true;
      return `return ${between}`.trimEnd();
    })
    .replace(GOES_BACK, (phrase: string) => {
      changed = true;
      return `${phrase} return`;
    });
  return changed ? out : normalized;
}
