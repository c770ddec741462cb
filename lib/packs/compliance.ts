/**
 * Compliance rules for replies: what the platforms punish a seller for writing to a buyer.
 * - `off-platform`: taking the buyer off the platform — other messengers (微信/V信/vx/QQ/WhatsApp…), phone
 *   numbers, paying outside the platform. Taobao, JD and PDD all ban these in chat ("站外引流", "私下交易").
 * - `absolute-claim`: the advertising law's absolutes (《广告法》第九条: 最高级、最佳、国家级…; 第一 as a rank).
 * - `efficacy-claim`: medical or efficacy promises (根治, 百分百有效, no side effects) that ordinary goods may
 *   not make.
 * Checked on pack text by `kpack lint` and the import report, and on the filled reply in the panel.
 * A pack may allow words it must use (a brand named 顶级 or a product called No.1) with `compliance.allow`.
 * Patterns are literal alternatives with bounded context checks: linear time on any input.
 */
import { normalizeText } from '../suggest/text/normalize';

export type ComplianceRule = 'off-platform' | 'absolute-claim' | 'efficacy-claim';

export interface ComplianceHit {
  rule: ComplianceRule;
  /** The words as written in the text. */
  match: string;
  index: number;
}

/** What each rule is, in the words the panel and lint show. */
export const COMPLIANCE_RULES: Record<ComplianceRule, { label: string; why: string }> = {
  'off-platform': {
    label: '站外引流 / off-platform contact',
    why: 'points the buyer to another messenger, a phone number or payment outside the platform',
  },
  'absolute-claim': {
    label: '广告法极限词 / absolute claim',
    why: 'an absolute the advertising law forbids (最低价, 第一, 国家级, 顶级, best in the world…)',
  },
  'efficacy-claim': {
    label: '功效承诺 / efficacy promise',
    why: 'a medical or efficacy promise (根治, 百分百有效, cures, no side effects…)',
  },
};

interface Pattern {
  rule: ComplianceRule;
  pattern: RegExp;
}

// Matched on normalised text (lower case, full-width folded, simplified), so 微信/微信 and ＱＱ/qq are one.
const PATTERNS: Pattern[] = [
  // Other messengers, as contact: deliberate spellings (V信, vx, 威信, 扣扣) always; 微信/QQ/WhatsApp when the
  // text asks to add, contact or message there, or gives an account. 微信支付 and 微信聊天记录 are not contact.
  {
    rule: 'off-platform',
    pattern:
      /威信|薇信|v信|(?<![a-z])vx(?![a-z])|扣扣|(?:加|添加|联系|私聊|找|扫|发到|发给)我?的?.{0,3}?(?:微信|weixin|wechat|(?<![a-z])wx(?![a-z])|(?<![a-z])qq(?![a-z])|whatsapp|telegram)|(?:微信|weixin|wechat|(?<![a-z])qq|whatsapp|telegram)(?:号|账号|群|id|:|：| ?number)|(?:whatsapp|telegram|wechat|signal) (?:me|us)(?![a-z])|(?:add|message|text|contact|reach|find) (?:me|us) on (?:whatsapp|telegram|wechat|signal|instagram|facebook)|my (?:whatsapp|wechat|telegram|signal)(?![a-z])/u,
  },
  // Phone numbers: Chinese mobiles, landlines with an area code, international numbers.
  {
    rule: 'off-platform',
    pattern:
      /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)|\+\d{1,3}[ -]\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}(?!\d)/u,
  },
  // Paying outside the platform.
  {
    rule: 'off-platform',
    pattern:
      /私下(?:交易|转账|付款|付)|线下(?:交易|转账|付款)|(?:转账|打款)(?:给我|到我)|直接转(?:账)?给|不走平台|pay (?:me )?(?:directly|outside)|(?:venmo|zelle|cash ?app) me|bank transfer to (?:me|my)/u,
  },
  // Advertising-law absolutes. 第一 only as a rank (not 第一次/第一步/第一时间/第一天…).
  {
    rule: 'absolute-claim',
    pattern:
      /最低价|全网最低|史上最低|最便宜|全网第一|全国第一|销量第一|行业第一|(?<![周天月年次步])第一(?!次|步|时间|天|件|个|单|批|期|条|位|页|眼|手|周|年|月|种|项|类|种|部|季|名额)(?=品牌|名|$|[,.!?，。！？ ])|(?<![a-z])no\.? ?1(?![0-9])|国家级|世界级|顶级|最高级|最佳|极品|绝对(?:正品|有效|最)|独一无二|全球首|万能|lowest price (?:guaranteed|ever|online)|best in the world|world'?s best|number one brand/u,
  },
  // Medical and efficacy promises.
  {
    rule: 'efficacy-claim',
    pattern:
      /根治|治愈|包治|药到病除|百分百有效|100%有效|百分之百有效|永不复发|无副作用|立竿见影|疗效|祛除百病|(?<![a-z])cures?(?![a-z])|100% effective|guaranteed results|no side effects|clinically proven to/u,
  },
];

/** Longest text checked: replies are short; a hostile pack's megabyte string is checked in its first part. */
const MAX_CHECKED = 20_000;

/**
 * The compliance problems of one text, each with its rule and the words; words in `allow` (a pack's
 * `compliance.allow`, compared after the same normalisation) are not reported.
 */
export function complianceHits(text: string, allow: readonly string[] = []): ComplianceHit[] {
  const normalized = normalizeText(text.slice(0, MAX_CHECKED));
  const allowed = allow.map((word) => normalizeText(word)).filter(Boolean);
  const hits: ComplianceHit[] = [];
  for (const { rule, pattern } of PATTERNS) {
    const global = new RegExp(pattern.source, 'gu');
    for (const found of normalized.matchAll(global)) {
      const index = found.index ?? 0;
      const words = found[0];
      // An allowed phrase that contains this hit (the brand "顶级羽绒" contains 顶级) clears it.
      const cleared = allowed.some((phrase) => {
        const at = normalized.indexOf(phrase, Math.max(0, index - phrase.length));
        return at >= 0 && at <= index && at + phrase.length >= index + words.length;
      });
      if (!cleared) hits.push({ rule, match: words, index });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** The distinct rules a text breaks, in a stable order. */
export function complianceRules(text: string, allow: readonly string[] = []): ComplianceRule[] {
  const rules = new Set(complianceHits(text, allow).map((hit) => hit.rule));
  return (Object.keys(COMPLIANCE_RULES) as ComplianceRule[]).filter((rule) => rules.has(rule));
}
