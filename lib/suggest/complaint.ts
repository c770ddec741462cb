/**
 * Complaint risk: a buyer about to complain, leave a bad review or open a dispute, spotted while the agent
 * can still calm things down. Read from the buyer's recent messages by phrases (Chinese and English) and
 * by tone (runs of ！？, words in capitals, angry emoji). Two levels:
 * - `high`: a threat of escalation (投诉, 12315, 差评, chargeback, lawyer, …), or two signs of anger;
 * - `watch`: a sign of anger (太坑了, 无语, ridiculous, ？？？, …).
 * A threat that is negated ("放心不会给差评", "I won't leave a bad review") does not count; anger does
 * ("不给说法我就…").
 */
import { pendingBuyerTexts, type ChatMessage } from './question';
import { normalizeText } from './text/normalize';

export interface ComplaintRisk {
  level: 'high' | 'watch';
  /** What was found, as the agent should read it: the phrases themselves, "？？？", "CAPITALS". */
  reasons: string[];
  /** The threats among them (投诉, 差评, chargeback…): what the pack's complaint replies answer. */
  threats: string[];
}

/** Threats to escalate: a complaint to the platform or authorities, a bad review, a dispute, the law. */
const ESCALATION = [
  '投诉',
  '12315',
  '12345',
  '消协',
  '消费者协会',
  '工商',
  '市场监管',
  '举报',
  '曝光',
  '媒体',
  '律师',
  '起诉',
  '法院',
  '报警',
  '差评',
  '退一赔三',
  '假一赔',
  '骗子',
  '欺诈',
  '维权',
  'complain',
  'complaint',
  'lawyer',
  'attorney',
  // Not "sue" alone: Sue is also a name ("Hi, Sue here").
  'sue you',
  'sue your',
  'sue the',
  'sue this',
  'lawsuit',
  'chargeback',
  'dispute',
  'report you',
  'bbb',
  'fraud',
  'scam',
  'bad review',
  '1 star',
  'one star',
];

/** Signs of anger or exasperation. */
const ANGER = [
  '太坑',
  '坑人',
  '垃圾',
  '什么破',
  '气死',
  '无语',
  '失望',
  '恶心',
  '忽悠',
  '糊弄',
  '敷衍',
  '没完',
  '说法',
  '不处理',
  '几次了',
  '没人理',
  '没人管',
  '主管',
  '经理',
  '领导',
  '搞什么',
  '什么态度',
  '态度差',
  '态度太差',
  'ridiculous',
  'unacceptable',
  'worst',
  'terrible',
  'disappointed',
  'angry',
  'furious',
  'never again',
  'waste',
  'useless',
  'wtf',
  'manager',
  'supervisor',
  // Swearing.
  '他妈',
  '卧槽',
  '尼玛',
  'damn',
  'goddamn',
  'bloody',
  'fuck',
  'fucking',
  'shit',
  'crap',
];

const ANGRY_EMOJI = /[😡🤬😤😠👿💢]/u;
/** Three or more ! or ? in a row (full or half width; NFKC makes them half width). */
const PUNCTUATION_RUN = /[!?]{3,}/;
/** Before a phrase, these turn it around: 不会给差评, 没有投诉, won't leave a bad review. */
const NEGATED_HAN = /(?:不|没|别|不会|不给|不打|没有|不想)[^，。！？,.!?]{0,3}$/;
const NEGATED_LATIN = /\b(?:not|no|never|won't|wont|don't|dont|wouldn't|didn't)\s+(?:\w+\s+){0,2}$/;
const LATIN_PHRASE = /^[a-z0-9 ]+$/;

function found(text: string, phrase: string, negatable: boolean): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    from = at + 1;
    const latin = LATIN_PHRASE.test(phrase);
    // English phrases are whole words ("sue" is not in "issue").
    if (latin && (/[a-z0-9]/.test(text[at - 1] ?? '') || /[a-z0-9]/.test(text[at + phrase.length] ?? ''))) continue;
    const before = text.slice(Math.max(0, at - 24), at);
    if (negatable && (latin ? NEGATED_LATIN : NEGATED_HAN).test(before)) continue;
    return true;
  }
}

/** The complaint risk of a conversation, or null when nothing points to one. */
export function complaintRisk(messages: ChatMessage[]): ComplaintRisk | null {
  // A few more messages than the question the engine answers: anger shows over several messages.
  const raw = pendingBuyerTexts(messages, 5).join('\n');
  if (!raw.trim()) return null;
  const text = normalizeText(raw);
  // Only threats are negated ("不会给差评"); anger stays anger ("不给说法").
  const threats = ESCALATION.filter((phrase) => found(text, phrase, true));
  const anger = ANGER.filter((phrase) => found(text, phrase, false));
  const punctuation = text.match(PUNCTUATION_RUN)?.[0];
  if (punctuation) anger.push(punctuation.replace(/[!?]+/, (run) => run.slice(0, 3)));
  // Shouting, read from the raw text: mostly words in capitals (not "OLED还是LCD": product names).
  const latinWords = raw.match(/\b[A-Za-z]{2,}\b/g) ?? [];
  const shouted = latinWords.filter((w) => w.length >= 3 && w === w.toUpperCase());
  if (shouted.length >= 3 && shouted.length >= 0.6 * latinWords.length) anger.push('CAPITALS');
  if (ANGRY_EMOJI.test(raw)) anger.push(raw.match(ANGRY_EMOJI)![0]);
  if (threats.length > 0) return { level: 'high', reasons: [...threats, ...anger], threats };
  if (anger.length >= 2) return { level: 'high', reasons: anger, threats };
  if (anger.length > 0) return { level: 'watch', reasons: anger, threats };
  return null;
}
