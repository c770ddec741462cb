/**
 * Redaction of buyer data before anything is stored (learned picks, the usage log): phone numbers,
 * e-mail addresses, street addresses, order and tracking numbers, and the buyer names the caller knows.
 * Each is replaced by a placeholder (`[phone]`, `[email]`, `[address]`, `[order]`, `[name]`) so the
 * question around it stays readable: "我的单号[order]怎么还没发货".
 *
 * Every pattern runs in linear time on any input: no nested quantifiers, unbounded runs only where what
 * follows cannot be confused with them, and a look-behind on the first character of every unbounded run
 * so a failed attempt is not restarted inside the same run (a 100 kB run of digits, '@' or Han characters
 * is one attempt, not 100 000).
 */

/** What a placeholder stands for. */
export type RedactionKind = 'phone' | 'email' | 'address' | 'order' | 'name';

export interface RedactOptions {
  /** Names the caller knows (buyer nickname, receiver): replaced wherever they occur. */
  names?: readonly string[];
}

/** The placeholder text for each kind; also how `isPlaceholder` recognises them. */
export const PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = {
  phone: '[phone]',
  email: '[email]',
  address: '[address]',
  order: '[order]',
  name: '[name]',
};

/** Every placeholder in a text, e.g. to drop them before tokenising. */
export const PLACEHOLDER_PATTERN = /\[(?:phone|email|address|order|name)\]/g;

const EMAIL = /(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * Phones: Chinese mobile (optionally +86, spaced 3-4-4, or masked 138****5621), Chinese landline (0xx-xxxxxxxx, (0xx)),
 * North American (555) 123-4567 / 555-123-4567, and any + international form of 7-15 digits.
 */
const PHONE_PATTERNS: RegExp[] = [
  /(?<![\d+])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g,
  // Masked as the platforms show it and buyers copy it: 138****5621, 138xxxx5621 (the last four still identify).
  /(?<![\d+])1[3-9]\d[ -]?(?:[*＊]{4}|[xX]{4})[ -]?\d{4}(?!\d)/g,
  /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[ -]?\d{7,8}(?!\d)/g,
  /(?<![\d+])(?:\+?1[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]\d{4}(?!\d)/g,
  /(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?!\d)/g,
];

/**
 * Order and tracking numbers: codes of letters then digits (SF1234567890, JD0012345678, #NW10562),
 * digits after an order/tracking word, and any run of 8+ digits (Taobao and JD order numbers are 12-19).
 */
const ORDER_PATTERNS: RegExp[] = [
  /(?<![A-Za-z0-9#])#?[A-Za-z]{1,4}\d{6,}(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9#])#[A-Za-z]{0,4}\d{3,}(?![A-Za-z0-9])/g,
  /(?<=(?:order|tracking)(?: ?(?:no\.?|number|num|id|code))?[ :#]{0,3})\d{4,}(?!\d)/gi,
  /(?<=(?:订单|单号|运单|快递单|物流单|订单号)[号是为:： ]{0,3})[A-Za-z]{0,4}\d{5,}(?![A-Za-z0-9])/g,
  /(?<!\d)\d{8,}(?!\d)/g,
];

/**
 * Characters that start or end a buyer's own words around an address, never part of a place name:
 * "我住在浙江省…" keeps "我住在".
 */
const NOT_IN_NAME = '址的了在到是我你他她们住寄送发给把从往吗呢吧啊呀哦嘛还就都也要想能会请帮和跟改成为个一这那哪';
const NAME_CHAR = `[^\\P{Script=Han}${NOT_IN_NAME}]`;
/** In a street's name, numerals are part of it too: 文一路, 二环路, 三元里街. */
const STREET_NAME_CHAR = `(?:${NAME_CHAR}|[一二三四五六七八九十])`;

/**
 * One piece of a Chinese address. Pieces are joined when adjacent; `strong` pieces (a street with its
 * number, a building/unit/room number, a housing estate) are an address alone, the others (省/市/区/县/镇)
 * only beside another piece, so "区别" or "超市" alone stay.
 */
const CHINESE_ADDRESS_PIECE = new RegExp(
  [
    // (1) admin: 浙江省, 杭州市, 西湖区, 浦东新区, 张江镇, 某某村, 某某街道
    `(?<admin>${NAME_CHAR}{1,7}?(?:省|自治区|市|区|县|镇|乡|村|街道))`,
    // (2) street with its number: 文三路138号, 南京东路100弄, 人民大道1号
    `(?<street>${STREET_NAME_CHAR}{1,8}?(?:路|街|巷|弄|大道)(?:\\d{1,5}(?:号|弄))?)`,
    // (3) building, unit, room: 3栋, 5号楼, 2单元, 501室, 12幢, 3座
    `(?<unit>\\d{1,5}(?:号楼|栋|幢|单元|室|楼|号院))`,
    // (4) estate: 幸福小区, 阳光花园, 金桥公寓, 国贸大厦
    `(?<estate>${NAME_CHAR}{1,8}?(?:小区|花园|公寓|大厦|家园|苑))`,
  ].join('|'),
  'gu',
);

/** English street address: number, one to four name words, a street suffix, optional unit. */
const ENGLISH_STREET_PATTERNS: RegExp[] = [
  // Capitalised names, any suffix: 221 Baker Street, 1600 Pennsylvania Avenue, 42 Cherry Tree Lane
  /(?<![\w])\d{1,6}[A-Za-z]? (?:[A-Z][\w'.-]{0,20} ){1,4}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Ct|Court|Way|Pl|Place|Ter|Terrace|Pkwy|Parkway|Hwy|Highway|Cres|Crescent|Close|Sq|Square)\b\.?/g,
  // Typed in lower case, abbreviated suffixes only (full words like "road" are ordinary words): 12 elm st
  /(?<![\w])\d{1,6}[a-z]? (?:[a-z][\w'.-]{0,20} ){1,3}(?:st|ave|rd|blvd|ln|dr|pkwy|hwy)\b\.?/gi,
];
/** Apartment, suite or unit, with or without a street before it. */
const ENGLISH_UNIT = /(?<![\w])(?:apt|apartment|suite|ste|unit|flat)\.? ?#? ?\d{1,5}[A-Za-z]?(?![\w])/gi;
/** Postcodes: US ZIP after a state code, UK, Canadian, Chinese after 邮编. */
const POSTCODE_PATTERNS: RegExp[] = [
  /(?<![\w])[A-Z]{2},? \d{5}(?:-\d{4})?(?!\d)/g,
  /(?<![\w])[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}(?![\w])/g,
  /(?<![\w])[A-Z]\d[A-Z] ?\d[A-Z]\d(?![\w])/g,
  /(?<=邮编[:： ]{0,2})\d{6}(?!\d)/g,
];

const STRONG_ADDRESS_PIECES = new Set(['street', 'unit', 'estate']);

function replaceAll(text: string, patterns: readonly RegExp[], placeholder: string): string {
  let out = text;
  for (const pattern of patterns) out = out.replace(pattern, placeholder);
  return out;
}

/**
 * Finds runs of adjacent Chinese address pieces (a space, comma or dash between them is allowed) and
 * replaces each run that is an address: two or more pieces, or one strong piece.
 */
function redactChineseAddresses(text: string): string {
  const spans: Array<{ start: number; end: number; pieces: number; strong: boolean }> = [];
  for (const match of text.matchAll(CHINESE_ADDRESS_PIECE)) {
    const start = match.index!;
    const end = start + match[0].length;
    const kind = Object.entries(match.groups!).find(([, value]) => value !== undefined)![0];
    const strong = STRONG_ADDRESS_PIECES.has(kind) && !(kind === 'street' && !/\d/.test(match[0]));
    const last = spans[spans.length - 1];
    if (last && /^[ ,，、-]?$/.test(text.slice(last.end, start))) {
      last.end = end;
      last.pieces += 1;
      last.strong ||= strong;
    } else {
      spans.push({ start, end, pieces: 1, strong });
    }
  }
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.pieces < 2 && !span.strong) continue;
    out += text.slice(at, span.start) + PLACEHOLDERS.address;
    at = span.end;
  }
  return out + text.slice(at);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function redactNames(text: string, names: readonly string[]): string {
  const wanted = [...new Set(names.map((name) => name.trim()).filter((name) => name.length >= 2))];
  if (wanted.length === 0) return text;
  // Longest first, so "王小明" is replaced whole before a shorter name inside it.
  wanted.sort((a, b) => b.length - a.length);
  const alternatives = wanted.map((name) =>
    /^[\w .'-]+$/.test(name) ? `(?<![\\w])${escapeRegExp(name)}(?![\\w])` : escapeRegExp(name),
  );
  return text.replace(new RegExp(alternatives.join('|'), 'giu'), PLACEHOLDERS.name);
}

/**
 * Replaces buyer data in `text` with placeholders. Idempotent: redacting a redacted text changes nothing.
 * Ordinary question words stay: prices (199元, $6.95), sizes (175cm, 65kg), dates (12月20号, 2026-12-20),
 * quantities ("2 pieces").
 */
export function redact(text: string, options: RedactOptions = {}): string {
  let out = text.replace(EMAIL, PLACEHOLDERS.email);
  // Names before numbers: a nickname like "lucy1990" goes whole.
  out = redactNames(out, options.names ?? []);
  out = replaceAll(out, PHONE_PATTERNS, PLACEHOLDERS.phone);
  out = replaceAll(out, ORDER_PATTERNS, PLACEHOLDERS.order);
  out = replaceAll(out, ENGLISH_STREET_PATTERNS, PLACEHOLDERS.address);
  out = out.replace(ENGLISH_UNIT, PLACEHOLDERS.address);
  out = replaceAll(out, POSTCODE_PATTERNS, PLACEHOLDERS.address);
  out = redactChineseAddresses(out);
  // "[address], [address]" from a street, its unit and its postcode: one placeholder is enough.
  return out.replace(/\[address\](?:[ ,，]{0,2}\[address\])+/g, PLACEHOLDERS.address);
}
