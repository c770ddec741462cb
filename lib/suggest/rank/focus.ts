/**
 * Reading a message for what it asks: buyers tell stories around their question ("I live in a tiny town in
 * Vermont… will it keep me dry?") and say what they do NOT want before what they want ("不是要退，是想换个码").
 * Each clause gets a weight: the asking clauses count fully, the story around them and the negated part less.
 * General cues only (question marks, interrogatives, request verbs, negation followed by a contrast), in
 * Chinese and English; no word here was taken from an evaluation message.
 */
import { ENGLISH_STOPWORDS } from '../text/stopwords';
import { CONCEPT_TERM_PREFIX, conceptTermsIn } from '../text/concepts';
import { isCourtesyOnly } from '../text/courtesy';
import { smallTalkProbability } from './small-talk-model';
import { PLACEHOLDER_PATTERN, redact } from '../../usage/redact';
import { splitClauses, termsOfNormalized, type WeightedTerm } from '../text/tokenize';

export interface WeightedClause {
  text: string;
  /** 0…1: how much this clause speaks for the message's question. */
  weight: number;
}

/** Weight of a clause that tells the story around a question (when some other clause asks). */
export const STORY_WEIGHT = 0.35;
/** Weight of what the buyer says they do not want, when a contrast says what they want instead. */
export const NEGATED_WEIGHT = 0.25;
/**
 * Weight of the story when the question asks with hardly a word of its own ("What do we do now?", "Is there
 * anything you can do about that?", "How does it work from here?"): the story says what it is about.
 * English fresh dev sets, recall@1: hearth-home +0.3, pawpath-pets +0.6, voltnest-tech +0.6, stride-co +1.3,
 * glow-lab −0.7 (one message); shipped packs' sets unchanged. Skipping the story weight altogether for such
 * questions cost dev en recall@3 0.7 points.
 */
export const STORY_WEIGHT_GENERIC_ASK = 0.6;
/** At most this many content words (not stop words) in the asking sentences make a question generic. */
const GENERIC_ASK_WORDS = 2;

const EN_ASK_START =
  /^(?:so |and |but |also |ok |okay |well |hi |hey |hello |yo |quick q |quick question )*(?:what|whats|when|whens|where|wheres|which|who|whos|why|how|hows|hwo|wat|wut|wen|wher|wich|were|can|could|will|would|wil|do|does|did|dont|is|isnt|are|arent|am|should|shall|may|might|any|is there|are there|have you|has|have)\b/u;
const EN_REQUEST =
  /\b(?:please|pls|plz|let me know|tell me|wondering|wonder if|i need|i want|i would like|id like|i'd like|looking for(?! my\b)|help me|need help|want help|need to know|want to know|want to (?:see|check|find out)|possible)\b/u;
/**
 * Chinese interrogatives. 多 before a measure (多大, 多长, 多重…) asks how big, long or heavy: "电锅买多大的好",
 * "保修多长时间"; not after 没 / 不 / 很 / 好 / 太 / 许 / 这么 ("没多大用", "好多大牌"), nor in 多大点事 or 多高兴.
 * Twenty-ninth session: the 73 answerable fresh-dev zh lines with such a 多, recall@1 0.836 → 0.849 (one fixed, none
 * broken); before, "夏天开空调盖多重的合适" read as praise and was answered with nothing.
 */
const ZH_ASK =
  /[吗嘛么呢]|怎么|怎样|如何|什么|啥|多久|多少|(?<![没不很好太么许])多(?:大|长|高|重|宽|厚|远|深|沉|贵|粗|细)(?![点兴])|几天|几号|哪|能不能|可不可以|是不是|有没有|会不会|要不要|能否|可否|行不行|好不好|咋|(?:和|跟|还是)\p{Script=Han}{1,8}?那(?:个|款|种|件|双|一个|一款)/u;
const ZH_REQUEST = /^(?:请|麻烦|帮我|帮忙|给我|我想|想要|我要|能|可以|记得|别忘了|务必)/u;
/**
 * A question the buyer puts to someone else, to the end of its clause: "我问问我老婆要哪个颜色", "我去问下我妈她要不要".
 * Its interrogative is that person's to answer, not the shop's ("问下我的积分能换券吗" names no one and still asks).
 */
const ZH_ASKED_OF_SOMEONE =
  /(?:问问|问下|问一下|问一问|去问|先问)(?:我|我的|我家)?(?:老公|老婆|媳妇|爱人|妈妈|老妈|妈|爸爸|老爸|爸|家人|家里人|朋友|同事|对象|男朋友|女朋友|闺蜜|孩子|儿子|女儿|领导|老板)\P{P}*/u;

/** Negation that a following contrast turns around: "不是要退" / "not asking about X" / "I don't want a refund". */
const ZH_NEGATED =
  /^(?:(?:我|这|这个|其实|倒)?(?:不是|并不是|也不是|不要|不用|不想|不急|没有要|别)|\p{Script=Han}{0,4}?没(?:有|啥|什么)?(?:问题|毛病))/u;
/** A clause denying a problem or a mishandling: 不是质量问题, 没啥毛病, 没摔过也没泡过水, 吊牌没剪. */
const ZH_DENIAL =
  /^\p{Script=Han}{0,6}?(?:(?<![是有])(?:不是|并不是|也不是|并非|没有?|没啥|没什么)\p{Script=Han}{0,4}?(?:问题|毛病|瑕疵|坏|破)|(?<![有])没(?:有)?(?:摔|泡|进水|洗|穿|用|拆|激活|碰|剪|摘|动)过?)/u;
/** A clause denying a problem or a mishandling: "nothing's wrong with it", "it isn't broken", "i never dropped it". */
const EN_DENIAL =
  /\b(?:nothing(?:['’]s| is)? wrong|(?:isn['’]t|isnt|is not|wasn['’]t|wasnt|was not|aren['’]t|are not) (?:broken|damaged|defective|faulty|cracked)|(?:i|we|she|he|they) (?:never|didn['’]t|didnt|did not|haven['’]t|havent|have not) (?:even )?(?:dropped|drop|put|washed|wash|used|use|wore|wear|worn|opened|open|microwaved|bent|spilled|touched))\b/u;
/** "不是A，是B": a clause that opens with 是 after a negated one says what the buyer means instead. */
const ZH_CONTRAST = /^(?:我|我们|其实|主要)?(?:而是|是|只是|就是|只想|只要|但是|不过|可是)/u;
/**
 * English negation a contrast turns around (closed-class: negators, copulas, subject pronouns): "i don't want
 * a refund", "not trying to return it", "it's not a fit problem", "i'm not international", and an opening
 * "not the regular delivery —".
 */
const EN_NEGATED =
  /\b(?:nothing(?:['’]s| is)? wrong|(?:isn['’]t|isnt|is not|wasn['’]t|wasnt|was not|aren['’]t|are not|not) (?:broken|damaged|defective|faulty|cracked|a defect|a problem|an issue|the problem)|(?:i|we) (?:do not|dont|don['’]t) (?:want|need)|not (?:asking|looking|trying|wanting|interested|planning)|(?:i['’]m|im|i am|we['’]re|we are) not|(?:(?:it|this|that)(?:['’]s| is| was)? not|(?:it|this|that) (?:isn['’]t|isnt|wasn['’]t|wasnt)) (?:a|an|the|my|about|for|because)|no need (?:for|to))\b|^(?:no,? )?not (?:the|a|an|my|for)\b/u;
/**
 * What the buyer means instead, opening the clause after the negated one: a restriction ("just", "only"), a
 * contrast ("but", "instead", "rather") or the same subject said positively ("i want", "i need", "it's", "i'm").
 */
const EN_CONTRAST_OPENER = String.raw`(?:just|only|but|instead|rather|i mean|i meant|what (?:i|we) (?:want|need)|(?:i|we) (?:just |only |really )?(?:want|need|would like)|i['’]d like|id like|(?:i|we) (?:just|only)|i['’]m|im|i am|we['’]re|it['’]s|it is|its|it|this is|that is)\b`;
const EN_CONTRAST = new RegExp(`^${EN_CONTRAST_OPENER}`, 'u');
/** Where a negated English clause hands over to its contrast: a comma, semicolon or dash before the opener. */
const EN_CONTRAST_AT = new RegExp(String.raw`\s*(?:[,;]|\s[—–-])\s*(?=${EN_CONTRAST_OPENER})`, 'u');
/** Where a negated English clause hands over to a question or request: "not the regular delivery — what's…". */
const EN_QUESTION_AT =
  /\s*(?:[,;]|\s[—–-])\s*(?=(?:what|whats|when|where|which|how|can|could|do|does|is|are|will|would)\b)/u;

/**
 * A threat or condition around the question: "不发我就退款了", "再找不到我报警了", "otherwise I'll file a
 * chargeback". It says what the buyer will do if the question is not answered, not what they ask.
 */
const ZH_THREAT =
  /^(?:如果|要是|假如|否则|不然|再不|再这样|再\p{Script=Han}{0,4}?(?:我|就)|不\p{Script=Han}{1,3}?(?:我|就))/u;
const EN_THREAT =
  /^(?:or else|otherwise|if (?:you|u) (?:don't|dont|do not|can't|cant|won't|wont)|or i(?:'ll| will))\b/u;

/** An English question inside a clause: "i'll order tonight, will it ship tomorrow". */
const EN_ASK_INNER =
  /[,;]\s*(?:and |but |so )?(?:will|can|could|do|does|did|is|are|would|should|when|what|how|where|which)\b|\b(?:lol|haha+|lmao|ok|okay|so|but|and|also|btw|pls|plz|please|anyway|just wondering)\s+(?:can|could|will|would|do|does|is|are|how|what|when|where|why|which)\s+(?:i|you|u|we|it|my|the|this|there|that|they)\b/u;

/**
 * A dash between spaces or a colon inside a clause: what a buyer types between context and the question ("ordered
 * last week - do u ship to po boxes", "order #4821: where is it").
 */
const EN_CLAUSE_BREAK = /\s[—–-]+\s|:\s/u;

function asks(clause: string, raw: string): boolean {
  if (/[?？]/u.test(raw)) return true;
  if (EN_ASK_INNER.test(clause)) return true;
  if (EN_CLAUSE_BREAK.test(clause) && clause.split(EN_CLAUSE_BREAK).some((part) => EN_ASK_START.test(part.trim())))
    return true;
  if (/\p{Script=Han}/u.test(clause)) {
    const own = clause.replace(ZH_ASKED_OF_SOMEONE, '');
    if (ZH_ASK.test(own) || ZH_REQUEST.test(own)) return true;
  }
  return EN_ASK_START.test(clause) || EN_REQUEST.test(clause);
}

/**
 * The message's clauses with weights. `normalized` is the engine's normalised text (lower case, NFKC,
 * simplified); question marks are read from the same text before it is split.
 */
export function readFocus(normalized: string): WeightedClause[] {
  // Keep each clause's terminator so "…dry?" still reads as a question after splitting.
  const pieces = splitWithTerminators(normalized).flatMap(splitNegatedContrast).flatMap(splitHanSpaces);
  const clauses = pieces.map(({ text, raw }) => ({ text, raw, weight: 1 }));
  if (clauses.length <= 1) return clauses.map(({ text }) => ({ text, weight: 1 }));

  // Negation then contrast: the negated clause says what the buyer does not want.
  for (let i = 0; i + 1 < clauses.length; i += 1) {
    const here = clauses[i]!.text;
    const next = clauses[i + 1]!.text;
    const negated = ZH_NEGATED.test(here) || EN_NEGATED.test(here);
    const contrast =
      ZH_CONTRAST.test(next) || EN_CONTRAST.test(next) || (/^(?:no,? )?not /u.test(here) && asks(next, next));
    if (negated && contrast) clauses[i]!.weight = NEGATED_WEIGHT;
  }

  // A denial beside another clause: what the buyer rules out is not what they ask ("不是质量问题", "没摔过",
  // "nothing's wrong with it", "i never put it in the dishwasher"), contrast or not. With the denials added to
  // EN_NEGATED and Chinese spaces read as pauses (twelfth session), recall@1: fresh dev pawpath-pets 0.808 →
  // 0.814, muye-store 0.876 → 0.879, qingmu-store recall@3 0.982 → 0.988; no tuning set lower.
  for (const c of clauses) {
    const denies = ZH_DENIAL.test(c.text) || EN_DENIAL.test(c.text);
    // 没啥 / 没什么 ("nothing") hold a question word and ask nothing.
    if (denies && !asks(c.text.replace(/没(?:啥|什么)/gu, ''), c.raw)) c.weight = NEGATED_WEIGHT;
  }

  // A threat or condition beside another clause speaks for the message as a story does.
  for (const c of clauses) {
    if ((ZH_THREAT.test(c.text) || EN_THREAT.test(c.text)) && !/[?？]/u.test(c.raw)) {
      c.weight = Math.min(c.weight, STORY_WEIGHT);
    }
  }

  // A story around a question, read by sentence (a comma clause such as "怎么办" asks without content; the
  // clauses before it in the same sentence are what it asks about): when one sentence asks and at least two
  // do not, the others are story.
  const sentenceOf = sentenceNumbers(
    normalized,
    clauses.map((c) => c.text),
  );
  const sentences = Math.max(...sentenceOf) + 1;
  const askingSentence = new Array<boolean>(sentences).fill(false);
  clauses.forEach((c, i) => {
    if (asks(c.text, c.raw)) askingSentence[sentenceOf[i]!] = true;
  });
  const askCount = askingSentence.filter(Boolean).length;
  if (askCount > 0 && sentences - askCount - courtesySentences(clauses, sentenceOf, askingSentence) >= 2) {
    const asked = clauses.filter((_, i) => askingSentence[sentenceOf[i]!]).map((c) => c.text);
    const story = isGenericAsk(asked) ? STORY_WEIGHT_GENERIC_ASK : STORY_WEIGHT;
    clauses.forEach((c, i) => {
      if (!askingSentence[sentenceOf[i]!]) c.weight = Math.min(c.weight, story);
    });
  }
  return clauses.map(({ text, weight }) => ({ text, weight }));
}

/**
 * How many sentences that do not ask are courtesies alone ("thanks", "hi!", "have a nice day"): they tell no story
 * around the question. Read only when the story rule could apply (at least two sentences do not ask).
 */
function courtesySentences(
  clauses: ReadonlyArray<{ text: string }>,
  sentenceOf: readonly number[],
  askingSentence: readonly boolean[],
): number {
  const notAsking = askingSentence.length - askingSentence.filter(Boolean).length;
  if (notAsking < 2) return 0;
  const courtesy = askingSentence.map((asking) => !asking);
  clauses.forEach((c, i) => {
    const sentence = sentenceOf[i]!;
    if (courtesy[sentence] && !isCourtesyOnly(c.text)) courtesy[sentence] = false;
  });
  return courtesy.filter(Boolean).length;
}

/**
 * Whether English asking clauses carry hardly a word of their own (see `STORY_WEIGHT_GENERIC_ASK`). Chinese
 * questions keep the story weight: the rule measured no change on the Chinese sets.
 */
function isGenericAsk(asked: readonly string[]): boolean {
  let content = 0;
  for (const text of asked) {
    if (/\p{Script=Han}/u.test(text)) return false;
    for (const [word] of text.matchAll(/[a-z]+/g)) if (!ENGLISH_STOPWORDS.has(word)) content++;
  }
  return content <= GENERIC_ASK_WORDS;
}

/**
 * The clauses that ask something (a question mark, an interrogative, a request), each once, when at least
 * two do: "屏幕透光，保修多久，能直接换吗" asks two things.
 */
export function questionClauses(normalized: string): string[] {
  const asking = splitWithTerminators(normalized)
    .filter(({ text, raw }) => asks(text, raw))
    .map(({ text }) => text);
  return asking.length >= 2 ? [...new Set(asking)] : [];
}

/**
 * "i don't want a refund, just a different size" / "i'm not international, i'm in ohio": the negated part and
 * the contrast become two clauses.
 */
function splitNegatedContrast(piece: { text: string; raw: string }): Array<{ text: string; raw: string }> {
  if (!EN_NEGATED.test(piece.text)) return [piece];
  const match =
    EN_CONTRAST_AT.exec(piece.text) ?? (/^(?:no,? )?not /u.test(piece.text) ? EN_QUESTION_AT.exec(piece.text) : null);
  if (!match || match.index === 0) return [piece];
  const first = piece.text.slice(0, match.index).trim();
  const second = piece.text.slice(match.index + match[0].length).trim();
  if (!first || !second) return [piece];
  return [
    { text: first, raw: first },
    { text: second, raw: piece.raw.slice(piece.raw.indexOf(second)) },
  ];
}

/** For each clause (in order), the number of the sentence it belongs to (sentences end at 。！？!?. or a line break). */
function sentenceNumbers(text: string, clauses: string[]): number[] {
  const numbers: number[] = [];
  let sentence = 0;
  let from = 0;
  for (const clause of clauses) {
    const at = text.indexOf(clause, from);
    if (at < 0) {
      numbers.push(sentence);
      continue;
    }
    if (/[。！？!?\n]|[.](?=\s|$)/u.test(text.slice(from, at))) sentence += 1;
    numbers.push(sentence);
    from = at + clause.length;
  }
  // The first clause opens sentence 0 even when the text starts with a terminator.
  const first = numbers[0] ?? 0;
  return numbers.map((n) => n - first);
}

/** Chinese buyers pause with a space where they would write a comma: "不是质量问题 能退不". */
function splitHanSpaces(piece: { text: string; raw: string }): Array<{ text: string; raw: string }> {
  const parts = piece.text.split(/(?<=\p{Script=Han})\s(?=\p{Script=Han})/u);
  if (parts.length === 1) return [piece];
  return parts.map((text, i) => ({
    text,
    raw: i === parts.length - 1 ? piece.raw.slice(piece.raw.lastIndexOf(text)) : text,
  }));
}

function splitWithTerminators(text: string): Array<{ text: string; raw: string }> {
  const out: Array<{ text: string; raw: string }> = [];
  const clauses = splitClauses(text);
  let from = 0;
  for (const clause of clauses) {
    const at = text.indexOf(clause, from);
    const end = at < 0 ? from : at + clause.length;
    // The terminator: what follows the clause up to the next clause start.
    const tail = at < 0 ? '' : text.slice(end, end + 3);
    out.push({ text: clause, raw: clause + tail });
    if (at >= 0) from = end;
  }
  return out;
}

/** Term weights scaled by the weight of the clause they come from (the highest, when several). */
export function focusedTerms(focus: WeightedClause[], terms: WeightedTerm[]): WeightedTerm[] {
  if (focus.every((c) => c.weight === 1)) return terms;
  const clauseWeight = new Map<string, number>();
  for (const clause of focus) {
    for (const { term } of termsOfNormalized(clause.text)) {
      clauseWeight.set(term, Math.max(clauseWeight.get(term) ?? 0, clause.weight));
    }
  }
  const least = Math.min(...focus.map((c) => c.weight));
  return terms.map((t) => ({ ...t, weight: t.weight * (clauseWeight.get(t.term) ?? least) }));
}

/** The weight of each Han run of the message, in order (clauses never split a run); null when all weigh 1. */
export function hanRunWeights(focus: WeightedClause[]): number[] | null {
  if (focus.every((c) => c.weight === 1)) return null;
  return focus.flatMap((c) => (c.text.match(/\p{Script=Han}+/gu) ?? []).map(() => c.weight));
}

/**
 * The buyer only says what they are doing next and asks nothing: "稍等我问下我老公", "那我先下单了", "brb, asking
 * my wife", "let me think about it". Such a message needs no reply from the pack. Only the opening decides
 * (a holding phrase), and any question or request anywhere in the message keeps it answerable.
 */
const HOLDING_OPENER =
  /^(?:(?:好的?|嗯+|哦+|ok|okay|alright|wait|sorry|那|那我|我)[,，\s]*)?(?:稍等|我看看|我再看看|我再对比|让我再|等会儿?|别走|just a moment|back in a (?:bit|sec|minute)|let me measure|等一?下|等等|我先|先|我去|我再|再|我问问|我考虑|考虑|我想想|想想|我量|商量|回头|晚点|brb|be right back|hold on|hang on|just a sec|just a second|one sec|one moment|give me a (?:sec|second|minute)|let me (?:go )?(?:think|check|ask|see|talk|find|look|grab)|i'?ll (?:just )?(?:think|check|ask|get back|order|come back|let you know|wait|keep an eye|talk|place)|i will (?:think|check|ask|get back|order|come back)|gonna (?:ask|think|check)|马上回来|回头见|晚点聊|再聊|等我|我在(?:上班|开会|忙|外面|路上)|我今晚|今晚我|我明天|明天我|我晚上|晚上我|我打算|我就选|就选|我先去|talk (?:to you )?later|(?:i'?m|im|i am) (?:at work|driving|in a meeting|busy|out)|(?:i'?ll|i will) (?:probably |prob )?(?:grab|buy|leave|make|be back)|ordering now|(?:i'?m|im|i am) (?:about to|gonna|going to) (?:check ?out|order|buy|grab|place))/u;
const HOLDING_VERB =
  /(?:看看|对比|纠结|走|等|moment|bit|measure|下单|拍了?|付款|商量|考虑|看看|想想|量|问问|决定|回来|联系你|再说|聊|见|买|入|加购|购物车|选|吃|找|翻|拿|think|ask|check|order|decide|come back|get back|talk|find|look|grab|wait|keep an eye|place|looking|later|buy|be back|review|work|meeting|busy|driving)/u;

/**
 * Twelfth session: busy now / back later (我在开会, 晚点聊, "i'm at work", "talk later") and what the buyer will buy
 * and when (我明天再来买, 就选灰色, "i'm about to check out"), Chinese time openers only with 我 (明天几点开始有人 asks
 * without a question word the rules know): small-talk silence +1.2 to +1.9 points per pack, no recall moved.
 */
/** A holding phrase closing (or opening) a short message: "sorry, someone's at the door, be right back". */
const HOLDING_CLOSER =
  /(?:brb|be right back|one sec|just a sec(?:ond)?|hold on|give me a (?:sec|second|minute)|稍等|等(?:我)?一下|等等|马上(?:就)?(?:来|回来))[\s.!~…。！～哈呀啊哦]*$/u;

export function isHoldingOnly(normalized: string): boolean {
  const text = normalized.trim();
  if (HOLDING_CLOSER.test(text) || /^(?:just a sec(?:ond)?|one sec|hold on|hang on|brb)\b/u.test(text)) {
    if (text.length <= 80 && !asksAnything(text) && !namesTrouble(text)) return true;
  }
  if (!HOLDING_OPENER.test(text) || !HOLDING_VERB.test(text)) return false;
  if (text.length > 60) return false;
  return !asksAnything(text);
}

/**
 * A message meant for someone else: addressed to family ("老公我到楼下了", "妈，晚上回家吃饭", "mom pick up milk on
 * the way home"), to a colleague ("@小王 …"), or saying it went to the wrong chat ("发错人了", "wrong window").
 * Nothing in it is for the shop. Twelfth session: small-talk silence +0.2 to +0.9 points per pack, fresh dev
 * oakline-living no-answer silence 0.79 → 0.86, no recall moved.
 */
const FAMILY_VOCATIVE =
  /^(?:老公|老婆|妈|妈妈|老妈|爸|爸爸|老爸|亲爱的|媳妇|mom|mum|mommy|dad|daddy|babe|honey|hubby|sweetie)(?:[,，:：!！\s]+|(?=我))/u;
const WRONG_CHAT =
  /(?:不好意思|抱歉|sorry)[，,\s]*发错(?:人|了|群|窗口)|发错(?:群|窗口)|(?:消息|信息)发错|wrong (?:window|chat|convo|conversation|thread|tab)|not meant for you|meant to send (?:this|that) to|sent (?:this|that) to the wrong/u;

export function isForAnotherChat(normalized: string): boolean {
  const text = normalized.trim();
  if (WRONG_CHAT.test(text)) return !asksAnything(text);
  if (/^@\S+\s/u.test(text)) return true;
  return FAMILY_VOCATIVE.test(text) && !/(?:你们|客服|店|shop|store|you guys|your)/u.test(text);
}

/**
 * A detail given alone, as the buyer answers the agent's request for it: "my order number is #10482", "order #5531
 * btw", "手机尾号是8826", "我的订单号是 4512873690221". The agent asked for it; no canned reply answers it.
 */
const DETAIL_ONLY_EN =
  /^(?:(?:hi|hey|ok|okay|so|and|also|oh)[,\s]+)?(?:(?:my|the|our) )?(?:order(?: number| no\.?| num| id)?|tracking(?: number| no\.?)?|phone(?: number)?|mobile(?: number)?|email(?: address)?|e-mail)(?: is| was| number is|:)?\s*(?:#\s?)?[\w@.+-]*\d[\w@.+-]*(?:\s*(?:btw|by the way|fyi|for your information|thanks|thx|ty))?[\s.!]*$/u;
const DETAIL_ONLY_ZH =
  /^(?:我的|我)?(?:订单号|订单编号|单号|运单号|快递单号|订单|手机号|手机尾号|尾号|电话|手机)(?:码)?(?:是|为|:|：)?\s*\d[\d\s-]*(?:哈|的|啊|呀|哦)?[\s。！!]*$/u;

/**
 * The same for who and which number, with the words buyers give them in ("the name on the order is dan whitaker",
 * "phone ending 4471", "收件人是张丽", "京东订单号：289348572011", "快递单号是 sf1402938475612").
 */
const NAME_OR_NUMBER_ONLY =
  /^(?:(?:hi|hey|ok|okay|so|and|also|oh)[,\s]+)?(?:(?:the |my )?name (?:on (?:the|my) (?:order|parcel|package|account) )?(?:is|was|:)\s*[a-z]+(?: [a-z]+){0,2}|(?:my )?(?:phone|mobile|number|card)(?: number)? (?:ending|ends) (?:in |with )?\d{2,6})[\s.!]*$|^(?:京东|淘宝|天猫|拼多多)?(?:订单号|订单编号|单号|运单号|快递单号|物流单号)(?:是|为|:|：)?\s*[a-z]{0,4}\s?\d[\d\s-]*(?:哈|的|啊|呀|哦)?[\s。！!]*$|^(?:收件人|收货人)(?:是|叫|写的是|:|：)\s*\p{Script=Han}{2,4}(?:哈|的|啊|呀|哦)?[\s。！!]*$/u;

export function isDetailOnly(normalized: string): boolean {
  const text = normalized.trim();
  return (
    DETAIL_ONLY_EN.test(text) ||
    DETAIL_ONLY_ZH.test(text) ||
    (NAME_OR_NUMBER_ONLY.test(text) &&
      !namesTrouble(text) &&
      !/\b(?:wrong|incorrect|misspel+t|misspelled|different|not)\b/u.test(text)) ||
    handsOverData(text) ||
    isAsideOnly(text)
  );
}

/**
 * Any detail handed over, found by what it is rather than by what the buyer calls it: the message holds buyer data
 * the usage log would redact (an e-mail, a phone, an order number, an address) or, in English, "<what> is <a
 * value with a digit>", and little else — "my email on the order is jess@…", "my zip is 30307 btw", "订单号发你了：
 * 3829…", "我家地址是朝阳区光华路18号3单元502", "order number is #10482, email is j@…". Besides the data at most two
 * English words (after "is" and its fillers) or ten Han characters, none of them an action (改, 退, 查…); no concept
 * of the shop's lexicon but the identifiers' own (address, tracking, account); no price (a budget asks for advice);
 * and, as everywhere here, nothing asked and no trouble.
 */
const HANDED_OVER_EN =
  /^(?:(?:hi|hey|ok|okay|so|and|also|oh)[,\s]+)?(?:(?:my|the|our|his|her) )?((?:[a-z'-]+ ){1,4}?)(?:is|was|are|:)\s*(.+)$/u;
const HANDED_OVER_FILLER_EN =
  /\b(?:btw|by the way|fyi|thanks|thank you|thx|ty|and|also|is|was|are|my|the|our|on|in case|if that helps)\b/gu;
const ACTION_ZH = /[改换修错退查催开取消补急寄问]/u;
const IDENTIFIER_CONCEPTS = new Set([
  `${CONCEPT_TERM_PREFIX}address`,
  `${CONCEPT_TERM_PREFIX}tracking`,
  `${CONCEPT_TERM_PREFIX}account`,
]);

function handsOverData(text: string): boolean {
  if (text.length > 100 || !/[\d@]/u.test(text) || /[$¥￥€£]|\d\s*(?:元|块|rmb)|\b(?:usd|dollars?|bucks)\b/u.test(text))
    return false;
  const redacted = redact(text);
  if (/\p{Script=Han}/u.test(text)) {
    if (redacted === text) return false;
    const rest = redacted.replace(PLACEHOLDER_PATTERN, '').replace(/[^\p{Script=Han}a-z]/gu, '');
    if (rest.length > 10 || ACTION_ZH.test(rest)) return false;
  } else {
    const form = HANDED_OVER_EN.exec(redacted);
    if (!form) return false;
    const values = form[2]!.replace(PLACEHOLDER_PATTERN, ' ').replace(/#?\S*\d\S*/gu, ' ');
    if (values === form[2]) return false;
    if ((values.replace(HANDED_OVER_FILLER_EN, ' ').match(/[a-z]+/gu) ?? []).length > 2) return false;
  }
  if (conceptTermsIn(text).some((term) => !IDENTIFIER_CONCEPTS.has(term))) return false;
  return tellsOnly(text);
}

/**
 * An English aside that only tells, marked as one (btw, fyi, by the way): "it's a 2011 Honda Pilot EX-L btw", "the
 * drone is a Mini 3 Pro btw", "size 10.5 btw, men's" — a detail for the agent, not a question for the pack. Short (at
 * most twelve words), no concept of the shop's lexicon but the identifiers' own and a size, nothing asked and no
 * trouble ("btw the zipper broke" stays a complaint, "btw do you ship to canada" a question).
 */
const ASIDE_EN = /\b(?:btw|fyi|by the way)\b/u;
const ASIDE_CONCEPTS = new Set([...IDENTIFIER_CONCEPTS, `${CONCEPT_TERM_PREFIX}size`]);

function isAsideOnly(text: string): boolean {
  if (/\p{Script=Han}/u.test(text) || !ASIDE_EN.test(text) || (text.match(/[a-z0-9]+/gu) ?? []).length > 12)
    return false;
  if (conceptTermsIn(text).some((term) => !ASIDE_CONCEPTS.has(term))) return false;
  return tellsOnly(text);
}

/**
 * A short apology for the chat itself, with its reason: "不好意思啊 刚刚在忙", "刚刚手机没电了 抱歉", "老人家不太会用手机
 * 见谅哈", "sorry, my wifi keeps dropping". No question, no request, no word of the shop's concept lexicon (an
 * apology beside 退货, 尺码 or "refund" is the buyer's way into a question). 30 characters at most. Catches no
 * answerable line of any tuning set; small-talk silence zh +1.5 to +2.4 points per pack, en +0.2 to +0.6.
 */
const APOLOGY = /不好意思|抱歉|对不起|见谅|别介意|\bsorry\b|\bsry\b|\bapologi[sz]e\b|\bapologies\b|\bmy bad\b/u;
const REQUEST_ANYWHERE = /帮|麻烦|请|几|\bplease\b|\bpls\b|\bplz\b/u;

export function isApologyOnly(normalized: string): boolean {
  const text = normalized.trim();
  if (text.length > 30 || !APOLOGY.test(text) || REQUEST_ANYWHERE.test(text) || asksAnything(text)) return false;
  return conceptTermsIn(text).length === 0;
}

/**
 * Whether the message needs no answer from the pack: the buyer holds, praises, gives a detail alone, apologises for the
 * chat, or writes to someone else — in the whole message, or in each of its parts beside courtesies
 * (`everyPartNeedsNoAnswer`). The engine's one question to this module before it ranks.
 */
export function needsNoAnswer(normalized: string): boolean {
  return needsNoAnswerAlone(normalized) || everyPartNeedsNoAnswer(normalized);
}

function needsNoAnswerAlone(normalized: string): boolean {
  return (
    isDetailOnly(normalized) ||
    isHoldingOnly(normalized) ||
    isPraiseOnly(normalized) ||
    isForAnotherChat(normalized) ||
    isApologyOnly(normalized)
  );
}

/**
 * A message of several sentences or comma-joined parts, each a courtesy or a part that needs no answer alone:
 * "no worries, I'll keep an eye out for the email then", "行吧，那我再等等", "Perfect, that's all I needed. Have a good
 * day!". The rules above read a message from its opening, so an acknowledgement before a holding phrase hid it.
 */
const MESSAGE_PARTS = /[.!?。！？;；\n]+|[,，]\s*/u;

function everyPartNeedsNoAnswer(normalized: string): boolean {
  const parts = normalized.split(MESSAGE_PARTS).filter((part) => /[\p{L}\p{N}]/u.test(part));
  // Courtesy parts are not read for asking ("have a good day" reads as a request); the others are, by their rules.
  if (parts.length < 2 || /[?？]/u.test(normalized)) return false;
  return parts.every((part) => isCourtesyOnly(part) || needsNoAnswerAlone(part.trim()));
}

/** Whether any clause of the message asks or requests something (see `asks`). */
export function asksAnything(text: string): boolean {
  return splitWithTerminators(text).some(({ text: clause, raw }) => asks(clause, raw));
}

/**
 * The buyer only says something went well: "my package came today, thanks!", "收到货了，很喜欢", "size is
 * perfect btw". A statement (no clause asks or requests), with a word of thanks or praise, and no word of a
 * problem, a negation, a contrast or the usual marks of sarcasm ("love how…", quotes, "wow", "oh", "sure") —
 * a complaint in praise's clothing keeps its suggestions. Measured: no answerable message of any tuning set
 * is caught. Twelfth session: more praise words (合身, 超赞, 物超所值, soft, obsessed, in one piece…), praise said
 * with a negation or 还 (不错, 没掉色, 还好看) no longer read as trouble, Chinese sarcasm markers (可真, 服了…) read
 * as trouble: small-talk silence +2 to +4.5 points on every pack (jd+tmall 0.718 → 0.763, Shopify 0.761 →
 * 0.787), fresh dev no-answer silence guoxian, lanxi, xiaoyu 0.93 → 1.00, Tmall 0.88 → 0.91; no recall moved.
 */
const PRAISE_EN =
  /\b(?:10\/10|would (?:buy|order) again|super fast|so fast|thanks?|thank you|thx|ty|love[sd]?|loving|perfect(?:ly)?|great|amazing|awesome|gorgeous|beautiful|cute|comfy|cozy|cosy|soft|happy|glad|obsessed|impressed|excited|yay|lovely|fantastic|excellent|stunning|adorable|favou?rite|nicer|so good|very good|well (?:packed|made)|in one piece|fits? (?:great|perfect(?:ly)?|well|like a glove)|all good)\b/u;
const PRAISE_ZH =
  /谢[谢了啦咯啊哈亲]|感谢|多谢|喜欢|好看|漂亮|不错|满意|开心|刚好|合适|合身|很快|好快|挺快|精致|好评|追评|晒了?图|五星|点赞|打call|给力|舒服|舒适|可爱|好美|超美|真美|很美|好爱|爱了|绝了|超赞|好赞|很赞|太赞|真好|很好|好用|好吃|好闻|温柔|耐心|贴心|用心|严实|质感|显白|清新|物超所值|值了|惊喜|种草|推荐给|夸|比(?:我)?想(?:象)?(?:的|中)|超出预期|和身|太好了|神速|靠谱|很棒|真棒|好棒|[跟和与]描述(?:一样|一致|相符)|做工(?:很|挺|超)?(?:细|好|精细)|very good|so good|good|nice|perfect/u;
const TROUBLE_EN =
  /\b(?:not|no|never|nothing|without|cannot|(?:do|does|did|is|was|are|were|have|has|had|would|could|should|ca|wo|ai)nt|still|yet|only|instead|wrong|missing|broken|late|damaged|ruined|destroyed|defective|faulty|cracked|torn|ripped|dented|stained|leak(?:s|ed|ing)?|stuck|stopped|dead|died|hole|but|except|apparently|supposed|guess|sure|wow|oh|nice|great timing|love (?:that|how)|thanks for nothing|so much for|so[- ]called|of course|as always|yeah right)\b|n['’]t\b|["“”]|(?<!\p{L})['‘’](?=\p{L})|(?<=\p{L})['’](?!\p{L})/u;
// 断了 and 裂 beside 坏 and 破 (twenty-third session): "收到了，镜子裂了一道缝，谢谢" was taken for praise and left silent.
const TROUBLE_ZH =
  /[不没未别无]|还|怎么|坏|破|断了|断掉|裂|错|少|漏|慢|假|但|可是|就是|呵|吧|[？?]|可真|真是|服了|佩服|厉害了|好家伙|笑死|绝绝子/u;
/**
 * Praise said with a negation or 还 (不错, 没毛病, 没有一点磕碰, 不掉色, 还好看), and common words that only hold a
 * negator's character (特别, 区别, 无线): not a word of trouble.
 */
const PRAISE_NEGATION_ZH =
  /特别|区别|级别|类别|分别|别人|无线|无糖|未来|不错|没毛病|没问题|没(?:有)?(?:一点|任何)?(?:磕碰|瑕疵|异味|味道|色差|线头|破损)|不(?:掉色|起球|掉毛|沾|缩水|变形|贵|卡|闷|扎|勒)|没(?:掉色|起球|掉毛|缩水|变形)|还(?:要|更|挺|蛮|是你们|好看|可以|不错|晒)|了吧$/gu;

/** Whether the message has a word of a problem, a negation, a contrast or a mark of sarcasm. */
function namesTrouble(text: string): boolean {
  if (/\p{Script=Han}/u.test(text)) return TROUBLE_ZH.test(text.replace(PRAISE_NEGATION_ZH, ''));
  return TROUBLE_EN.test(text);
}

export function isPraiseOnly(normalized: string): boolean {
  const text = normalized.trim();
  const han = /\p{Script=Han}/u.test(text);
  // The praise words first: a regular expression, where asking is a clause-by-clause reading.
  if (!(han ? PRAISE_ZH : PRAISE_EN).test(text)) return false;
  if (asksAnything(text) || namesTrouble(text)) return false;
  return !thanksAlone(text, han);
}

/**
 * Words of thanks, the politeness a buyer ends any message with ("…thanks", "谢谢"): praise only where the rest of
 * the message is the kind that needs no answer.
 */
const THANKS_EN = /\b(?:thanks?|thank (?:you|u)|thx|ty|tysm)\b/gu;
const THANKS_ZH = /(?:谢[谢了啦咯啊哈亲]|感谢|多谢)(?:你|您|亲|啦|了|哈|啊|老板|客服)?/gu;
/** From this small-talk probability (`small-talk-model.ts`) the rest of a thanked message needs no answer. */
const THANKED_SMALL_TALK = 0.5;

/**
 * Whether a message's only praise is its thanks and the rest, read alone, is not small talk: "need an invoice with my
 * company name on it thanks" or "where do i find the tracking number for my order thanks" (no question mark, no word
 * of trouble) ask something; "the hoodie arrived today, thanks!" does not. Before, " thanks" after a tuning line cost
 * English recall@1 4.0 points (docs/LEXICON.md, thirty-fifth session).
 */
function thanksAlone(text: string, han: boolean): boolean {
  const rest = text
    .replace(han ? THANKS_ZH : THANKS_EN, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if ((han ? PRAISE_ZH : PRAISE_EN).test(rest) || !/[\p{L}\p{N}]/u.test(rest)) return false;
  return smallTalkProbability(rest) < THANKED_SMALL_TALK;
}

/**
 * An English message that only tells (no clause asks or requests) and names no trouble: "we just moved,
 * everything's in boxes lol", "my name is Anna". It gets suggestions only when an entry explains much of it
 * (`STATEMENT_COVERAGE`).
 */
export function isPlainStatement(normalized: string, tells = tellsOnly(normalized)): boolean {
  return tells && !/\p{Script=Han}/u.test(normalized);
}

/**
 * A message in either language where no clause asks or requests and no word names trouble (`isPlainStatement` is
 * its English case; a caller that needs both passes this one's answer to it).
 */
export function tellsOnly(normalized: string): boolean {
  const text = normalized.trim();
  return !asksAnything(text) && !namesTrouble(text);
}
