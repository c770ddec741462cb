/** Detects messages that carry no request: greetings, thanks, acknowledgements, emoji. */
import { stem } from './stem';
import { TypoIndex } from '../index/typos';
import { isEnglishWord } from './en-bridge';
import { normalizeText } from './normalize';
import { CHINESE_STOPWORDS, COURTESY_TERMS, ENGLISH_STOPWORDS } from './stopwords';

const MAX_PHRASE = 4;

/** "okkk" → "ok": the last character once, however often it was repeated (no `(.)\1+$`, quadratic on long runs). */
function squeezeTail(word: string): string {
  const chars = [...word];
  let end = chars.length - 1;
  while (end > 0 && chars[end - 1] === chars[end]) end -= 1;
  return chars.slice(0, end + 1).join('');
}

function isEmptyWord(word: string): boolean {
  return COURTESY_TERMS.has(word) || CHINESE_STOPWORDS.has(word) || ENGLISH_STOPWORDS.has(word);
}

/** The longer English courtesy words (thanks, morning, awesome), for `isCourtesySlip`. */
let courtesyTypos: TypoIndex | null = null;

/**
 * "tahnks", "good mroning": one slip (a letter swapped, missing, doubled or wrong) from a courtesy word of five
 * letters or more, and not itself a common English word ("mourning", "grate" stay words).
 */
function isCourtesySlip(word: string): boolean {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || isEnglishWord(stem(word))) return false;
  if (!courtesyTypos) {
    courtesyTypos = new TypoIndex();
    courtesyTypos.build([...COURTESY_TERMS].filter((term) => /^[a-z]{5,}$/.test(term)));
  }
  return courtesyTypos.neighbours(word).length > 0;
}

/**
 * Whether a run of Chinese is made only of courtesy phrases and particles. The word segmenter cuts
 * "你好呀" as 你|好呀, so the run is covered greedily with the longest known phrase at each position.
 */
function isCourtesyRun(run: string): boolean {
  const chars = Array.from(run);
  let i = 0;
  while (i < chars.length) {
    let step = 0;
    for (let length = Math.min(MAX_PHRASE, chars.length - i); length >= 1; length -= 1) {
      if (isEmptyWord(chars.slice(i, i + length).join(''))) {
        step = length;
        break;
      }
    }
    if (step === 0) return false;
    i += step;
  }
  return true;
}

/**
 * English courtesy phrases whose words are not courtesy words on their own ("no worries", "take care", "have
 * a nice day", "how's your day going", "happy friday", "you guys are the best"): common closing,
 * acknowledgement, social-question and praise formulas of English chat, from general knowledge.
 */
const EN_COURTESY_PHRASE_LIST =
  /(?:no (?:worries|worry|problem|problems|prob|probs|rush|hurry)|np|nvm|never ?mind|sounds (?:good|great|perfect)|take care|you too|same to you|my bad|fair enough|will do|all good|all set|(?:i )?(?:figured|sorted) it(?: out)?|have an? (?:nice|good|great|lovely) (?:day|one|evening|night|weekend)|how(?:['’]?s| is| are| r) (?:you|u|it|things|everything|your (?:day|week|weekend|morning|afternoon|evening|night))(?: going| doing| been)?(?: today| so far)?|how (?:have|['’]?ve) you been|happy (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|holidays?|new year|thanksgiving|halloween|easter|hump day)|(?:you(?: guys| all)?(?: are|re)?|u(?: guys)?(?: r| are)?|ur) (?:the best|amazing|awesome|a star|a lifesaver|legends?)(?: honestly| really| seriously)?|you rock|(?:are )?(?:you|u) (?:still )?(?:there|here|with me|around|online)|(?:is )?any(?:one|body) (?:still )?(?:there|here|around|online|available|on (?:this|the) chat|attending(?: (?:this|the) chat)?)|(?<=^|[,!.?] ?|\b(?:hey|hi|hello|yo|ok|okay|u|you) )(?:still )?(?:there|here)(?=[?!. ]*$)|(?<=^|[,!.?] ?)(?:about|regarding|re) (?:my |the |an? |one |this |your )?(?:order|item|product|purchase|thing|something|stuff|it)(?: (?:i|we) (?:bought|ordered|placed|got|made))?(?: (?:last|this) (?:week|month)| yesterday| recently| from you)?(?=[?!. ]*$)|did (?:you|u|we|the chat|it) (?:get )?(?:disconnect(?:ed)?|drop(?:ped)?|cut off|freeze|froze)|(?:the )?chat (?:went|has gone|is|got) (?:quiet|silent|dead)|is this (?:thing )?(?:on|working)(?= |[?!.]|$)|(?:(?:i )?(?:have|got|had) (?:a |one |some |a few |a couple of |another |two )?(?:quick |small |little )?(?:question|questions|query|queries|q)|(?:i )?(?:want|wanted|would like|['’]d like|need) to (?:ask|enquire|inquire|check)|(?:i['’]?m |im |i am )?(?:reaching out|writing|messaging|contacting you)|(?:quick|small) one) (?:about|regarding|re|on|with|for) (?:my |the |an? |one |this |your )?(?:order|item|product|purchase|thing|something|stuff|it)(?: (?:i|we) (?:bought|ordered|placed|got|made))?(?: (?:last|this) (?:week|month)| yesterday| recently| from you)?|(?:i['’]?m|i am) back|just saw (?:your|ur|the) (?:message|msg|reply)|take your time|(?:it|that)['’]?s (?:ok|okay|fine|alright|all right)|these things happen|stay safe|good luck(?: with (?:the|your) [a-z ]{1,20})?|hope your day gets better|(?:you )?made my day|ignore (?:my|the|that|this) (?:last |previous )?(?:message|msg)|wrong (?:chat|button|window)|for all the (?:messages|questions)|danke|merci|gracias|obrigad[oa]|grazie|good ?night|nite|(?:i )?found it|hope (?:you['’]?re|you are|ur|u r|you['’]?ve been) having an? (?:good|great|nice|lovely) (?:day|week|weekend|morning|evening)|hope (?:your|ur) (?:day|week|weekend) is going (?:well|great|good)|(?:merry|happy) (?:christmas|xmas|holidays|easter|thanksgiving)(?: to (?:you|the (?:whole )?team|everyone|all))?|good day(?: to you)?|sure thing|helo|hallo|(?:hi|hey|hello) (?:team|all|everyone|guys|folks)|i (?:wanted|want|would like|['’]?d like) to ask (?:something|a question|you something|sth)|(?:that['’]?s|thats|that is) (?:everything|all|it)(?: (?:i|we) (?:needed|wanted|had)(?: to (?:know|ask))?)?(?: for (?:now|today))?|nothing else|right right|(?<=^|, ?)right(?=,|$)|(?:see (?:you|ya|u)|talk|catch (?:you|ya)) later|(?<=(?:^|, ?))later(?=[!. ]*$)|(?:sorry|apologies|sry)[, ]*(?:for (?:the )?(?:typos?|wait|delay|late reply)|(?:i['’]?m |im )?(?:typing on (?:my|a) phone|using (?:a )?translator|long day|my phone died|my english(?: is)? (?:not|bad)(?: so)? good)))/u;

/**
 * A word boundary (`\b`, ASCII word characters as in a regular expression without the `i` flag) spelled out: the
 * same matches, but V8 compiles the list with it at each end in ~10 ms the first time instead of 25–55 ms (the first
 * English message waited for that).
 */
const WORD_BOUNDARY = '(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))';
const EN_COURTESY_PHRASES = new RegExp(`${WORD_BOUNDARY}${EN_COURTESY_PHRASE_LIST.source}${WORD_BOUNDARY}`, 'gu');

/**
 * How English chat messages open before they ask ("quick question:", "sorry to bother,", "i was wondering"):
 * common formulas from general knowledge. "quick" or "bother" are not what the buyer asks about.
 */
const EN_OPENERS =
  /(?<![\p{L}\p{N}])(?:(?:a |one )?quick (?:question|q)|(?:i )?(?:have|got) a (?:quick )?question|question for (?:you|u)|another question|one more (?:thing|question)|sorry (?:to (?:bother|trouble|disturb)(?: you| u)?(?: again)?|for (?:the )?(?:bother|trouble|disturbance|bothering you))|excuse me|just wondering|i was (?:just )?wondering|i wonder|can i ask(?: you| u)?(?: something| a question)?|hope (?:you are|you're|youre|u r) (?:well|doing well|good|ok|okay))(?![\p{L}\p{N}])/gu;

/**
 * Chinese courtesy formulas longer than a phrase of `COURTESY_TERMS` (wishes, apologies, "take your time",
 * "I see"): common formulas of Chinese shop chat, from general knowledge. Twelfth session, with the English
 * wishes and "sure thing" / "good day to you": presence checks (在线吗), holiday wishes, 辛苦了 / 注意身体,
 * 下次再来, 好久不见, greetings by the time of day; small-talk silence +0.2 to +1.4 points per pack, no recall moved.
 * Then a chat opened before the question is asked (我想问个问题, 有个事想咨询下, "hi team", "I wanted to ask
 * something"), closed ("that's everything", "nothing else", 没别的了) or apologised for (打字慢, 网有点卡, "typing on
 * my phone"): with the holding and praise additions of focus.ts, +1.5 to +3.5 points per pack on the 590 lines.
 */
const ZH_COURTESY_PHRASES =
  /祝(?:你|您|你们|您们)?\p{Script=Han}{0,6}?(?:顺利|愉快|兴隆|快乐|开心|美好的一天|发财|健康)|有(?:没有)?人(?:吗|嘛|么|在吗|在嘛)|不好意思|抱歉|对不起|打扰(?:了|你了|您了|这么久)?|回复晚了|刚(?:才)?(?:在开会|没看到|没看见)|不着?急|慢慢来|没关系|原来(?:是这样|如此)|懂了|晓得了|没(?:有)?(?:别的|其他)(?:问题|事)?了|在线(?:吗|嘛|么|不|没)?|^喂+|(?:周末|节日|新年|春节|中秋|国庆|圣诞|元旦)快乐|辛苦(?:了|啦|你了|您了)|注意身体|早点(?:下班|休息|睡)|下次(?:还|再)来|回头见|好久不见|越来越好|生意(?:兴隆|红火|火爆)|(?:早上|中午|下午|晚上)好|晚安|(?:我)?(?:想|要)?(?:问|咨询|请教|了解)(?:个|一下|下|一个)?(?:小)?(?:问题|事情?)(?:想(?:问|咨询|请教)(?:一?下)?)?|有(?:个|一个|点)(?:小)?(?:问题|事情?)(?:想|要)?(?:问|咨询|请教)?(?:一?下|问)?|有人(?:没|吗|在吗|值班吗|在不)?|人呢|还(?=有(?:没有)?人)|(?:店家|老板|客服|掌柜|小二)?(?:还)?(?:在不在|在没在|在不|在没|在线不|在线没)|还在(?:吗|嘛|么)|(?:我说话)?(?:你|您)?(?:能)?看(?:得)?到(?:吗|没|不)|(?:是不是)?(?:又)?掉线了|我还没走|先这样(?:吧|哈|啊)?|(?:有事|有需要|有问题)(?:我)?再(?:找|联系|问)(?:你|您|你们)?|下次(?:有需要)?再(?:联系|找|来|问|聊)|没(?:什么|啥)(?:问题|事)了|那我(?:就)?等着(?:就行|就好|吧)?|拜拜|再见|(?:关于)?(?:商品|产品|东西|宝贝|订单|你们家的东西|你们家产品)(?:的)?(?:问题|事情?)|(?:我)?(?:想|要)?(?:问|咨询|请教|了解)(?:问|一问|一?下)(?:你们家的东西|你们家产品)?|不打扰了|真的假的|打字慢|(?:网|信号)(?:有点)?(?:卡|不好)|见谅|别介意/gu;

const ASCII_LETTER = /[a-z]/;
const HAN = /\p{Script=Han}/u;

/** The message without its opening formulas (see `EN_OPENERS`); already normalised text. */
export function withoutOpeners(normalized: string): string {
  return normalized.includes(' ') ? normalized.replace(EN_OPENERS, ' ').replace(/^[\s,:;.!?-]+/u, '') : normalized;
}

/** True when every word of the message is a greeting, thanks, acknowledgement or function word. */
export function isCourtesyOnly(text: string): boolean {
  let normalized = withoutOpeners(normalizeText(text));
  // Each list only where its script is: every English formula has a letter a–z, every Chinese one a Han character.
  // Besides the work per message, a Chinese first message then does not pay for compiling the English list (~30 ms
  // the first time V8 runs it, more than all the rest of reading a message).
  if (ASCII_LETTER.test(normalized)) normalized = normalized.replace(EN_COURTESY_PHRASES, ' ');
  if (HAN.test(normalized)) normalized = normalized.replace(ZH_COURTESY_PHRASES, ' ');
  // Latin letters only in the second group: "ok没问题了" is the word "ok" and the run 没问题了.
  for (const match of normalized.matchAll(/(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}'’])+)|(\d+)/gu)) {
    const [, han, latin, digits] = match;
    if (digits) return false;
    if (han) {
      if (!isCourtesyRun(han)) return false;
      continue;
    }
    const word = latin!.replace(/['’]/g, '');
    if (isEmptyWord(word)) continue;
    // Stretched courtesy: okkk, thanksss, hiii.
    if (isEmptyWord(squeezeTail(word))) continue;
    if (isCourtesySlip(word)) continue;
    return false;
  }
  return true;
}
