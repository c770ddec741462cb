/**
 * Synthetic packs of any size for latency and build benchmarks, made deterministically from the
 * words of the shipped packs (or a small built-in list) so their term statistics look like real packs.
 */
import type { Pack } from '../lib/packs/schema';

/** Mulberry32: a small seeded PRNG so every run benchmarks the same packs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words (Chinese and English) of the packs' questions and titles. */
export function vocabularyOf(packs: Pack[]): string[] {
  const words = new Set<string>();
  for (const pack of packs) {
    for (const entry of pack.entries) {
      for (const text of [entry.title, ...entry.questions]) {
        for (const s of segmenter.segment(text)) if (s.isWordLike) words.add(s.segment);
      }
    }
  }
  return words.size > 0 ? [...words] : FALLBACK_WORDS;
}

const FALLBACK_WORDS = (
  '发货 快递 物流 退款 退货 换货 尺码 发票 优惠券 满减 价保 地址 修改 取消 订单 质量 褪色 缩水 起球 客服 人工 ' +
  '安装 保修 预售 定金 尾款 赠品 包邮 运费 签收 破损 ship order refund return exchange size invoice coupon address ' +
  'cancel tracking delivery payment discount warranty'
).split(' ');

export function syntheticPack(size: number, vocabulary: string[], seed = 42): Pack {
  const random = prng(seed);
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
  // Words join as they would be written: Chinese without spaces, Latin words with one. Joined from a
  // list, not by `+=`: concatenation makes rope strings that every later read walks (tokenising them was
  // a quarter slower), and the extension only ever sees flat strings (from JSON or IndexedDB).
  const phrase = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const parts: string[] = [];
    let previous = '';
    for (let i = 0; i < n; i += 1) {
      const word = pick();
      if (previous && /[a-z0-9]$/i.test(previous) && /^[a-z0-9]/i.test(word)) parts.push(' ');
      parts.push(word);
      previous = word;
    }
    return parts.join('');
  };
  return {
    format: 'huashu-pack/1',
    id: `synthetic-${size}`,
    name: `Synthetic ${size}`,
    version: '1.0.0',
    locale: 'zh-CN',
    platforms: [],
    facts: {},
    scenarios: [],
    synonyms: [],
    sites: [],
    entries: Array.from({ length: size }, (_, i) => ({
      id: `e${i}`,
      title: phrase(2, 4),
      kind: 'reply' as const,
      questions: Array.from({ length: 5 }, () => phrase(3, 8)),
      keywords: [pick()],
      replies: [{ text: phrase(10, 25) }],
      scenarios: [],
      platforms: [],
      tags: [],
      priority: 0,
    })),
  };
}
