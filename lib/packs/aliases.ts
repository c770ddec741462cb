/**
 * Other names for values the format fixes. Team leads write the platform as they know it (Tmall, 千牛, 京东, JD) and
 * locales as their tools do (zh_CN): the pack is read with the format's own value, not refused over a spelling. A
 * value that is none of them is left as written, so validation still names it.
 */
import { PLATFORMS, type Platform } from './schema';

const PLATFORM_NAMES: Readonly<Record<Platform, readonly string[]>> = {
  taobao: [
    'taobao',
    'tmall',
    'tianmao',
    'qianniu',
    'wangwang',
    'aliwangwang',
    '淘宝',
    '天猫',
    '千牛',
    '旺旺',
    '阿里旺旺',
  ],
  jd: ['jd', 'jingdong', 'jd.com', 'dongdong', 'jingmai', '京东', '咚咚', '京麦'],
  shopify: ['shopify', 'shopify inbox', 'shopify-inbox', 'shopify_inbox'],
  pdd: ['pdd', 'pinduoduo', '拼多多'],
  generic: ['generic'],
};

const PLATFORM_OF_NAME = new Map(
  PLATFORMS.flatMap((platform) => PLATFORM_NAMES[platform].map((name) => [name, platform] as const)),
);

/** The platform a name stands for, in any case and width of spacing ("Tmall", " JD "), or undefined. */
export function platformOf(name: unknown): Platform | undefined {
  if (typeof name !== 'string') return undefined;
  return PLATFORM_OF_NAME.get(name.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** A locale as tools write it (`zh_CN`, `en_US`) in the tag form the format uses (`zh-CN`). */
function localeTag(value: unknown): unknown {
  return typeof value === 'string' && /^[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})+$/.test(value.trim())
    ? value.trim().replace(/_/g, '-')
    : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with its `platforms` and `locale` in the format's values; the same object when nothing changes. */
function withFormatValues<T extends Record<string, unknown>>(object: T): T {
  let out = object;
  const set = (key: string, value: unknown) => {
    if (out[key] === value) return;
    if (out === object) out = { ...object };
    (out as Record<string, unknown>)[key] = value;
  };
  if (Array.isArray(object.platforms)) {
    const platforms = object.platforms.map((name: unknown) => platformOf(name) ?? name);
    if (platforms.some((p, i) => p !== (object.platforms as unknown[])[i])) set('platforms', platforms);
  }
  if ('locale' in object) set('locale', localeTag(object.locale));
  return out;
}

/**
 * A pack file's parsed JSON with platform names and locales in the format's values, for validation: the pack, its
 * entries and their replies. Anything else, and the input itself, is left as it is.
 */
export function withCanonicalValues(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const pack = withFormatValues(raw);
  if (!Array.isArray(pack.entries)) return pack;
  let changed = false;
  const entries = pack.entries.map((entry: unknown) => {
    if (!isRecord(entry)) return entry;
    let out = withFormatValues(entry);
    if (Array.isArray(out.replies)) {
      const replies = out.replies.map((reply: unknown) => (isRecord(reply) ? withFormatValues(reply) : reply));
      if (replies.some((r, i) => r !== (out.replies as unknown[])[i])) out = { ...out, replies };
    }
    if (out !== entry) changed = true;
    return out;
  });
  return changed ? { ...pack, entries } : pack;
}
