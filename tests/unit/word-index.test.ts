import { afterEach, describe, expect, it, vi } from 'vitest';
import { SuggestEngine } from '../../lib/suggest/engine';
import { buildSegment, buildStoredSegment, reviveSegment, serializeSegment } from '../../lib/suggest/index/segment';
import { askedChineseWords, chineseWords, keptChineseWords, WordIndex } from '../../lib/suggest/index/word-index';
import { chineseWordSegmenter } from '../../lib/suggest/text/word-segmenter';
import { shippedPack } from '../helpers/packs';

const tmall = shippedPack('tmall-apparel');
const shopify = shippedPack('shopify-store');
const MESSAGES = [
  '什么时候发货',
  '衣服洗了一次就缩水了，能退吗',
  '尺码偏大还是偏小？',
  '能开发票吗',
  'iphone 15 有货吗',
];

afterEach(() => vi.restoreAllMocks());

describe('Chinese words kept with a stored index', () => {
  it('score every message as words segmented on the spot do', () => {
    const kept = new WordIndex(tmall.entries, keptChineseWords(tmall.entries, askedChineseWords(tmall.entries)));
    const fresh = new WordIndex(tmall.entries, chineseWords);
    for (const message of MESSAGES) expect(kept.score(message)).toEqual(fresh.score(message));
  });

  it('spare segmenting the pack: only the message is segmented', () => {
    const kept = askedChineseWords(tmall.entries);
    const segment = vi.spyOn(chineseWordSegmenter!, 'segment');
    const index = new WordIndex(tmall.entries, keptChineseWords(tmall.entries, kept));
    expect(segment).not.toHaveBeenCalled();
    index.score(MESSAGES[1]!);
    expect(segment).toHaveBeenCalledTimes(1);
  });

  it('segment an entry again whose kept line does not match its parts', () => {
    const kept = askedChineseWords(tmall.entries);
    kept[0] = 'stale';
    const segment = vi.spyOn(chineseWordSegmenter!, 'segment');
    const index = new WordIndex(tmall.entries, keptChineseWords(tmall.entries, kept));
    const parts = [tmall.entries[0]!.title, ...tmall.entries[0]!.questions, ...tmall.entries[0]!.keywords];
    expect(segment).toHaveBeenCalledTimes(parts.length);
    expect(index.score(tmall.entries[0]!.questions[0]!)).toEqual(
      new WordIndex(tmall.entries, chineseWords).score(tmall.entries[0]!.questions[0]!),
    );
  });

  it('are in the stored index of a Chinese pack only, survive JSON, and a malformed list is dropped', () => {
    const stored = buildStoredSegment(tmall);
    expect(stored.askedWords).toHaveLength(tmall.entries.length);
    expect(buildSegment(tmall).askedWords).toBeUndefined();
    expect(buildStoredSegment(shopify).askedWords).toBeUndefined();
    const json = JSON.parse(JSON.stringify(serializeSegment(stored)));
    expect(reviveSegment(json)?.askedWords).toEqual(stored.askedWords);
    expect(reviveSegment({ ...json, askedWords: ['too short'] })?.askedWords).toBeUndefined();
    expect(reviveSegment({ ...json, askedWords: 'nonsense' })).not.toBeNull();
  });

  it('leave every ranking as it was, and the first suggestion segments only the message', () => {
    const stored = buildStoredSegment(tmall);
    const withKept = new SuggestEngine({ phrasebookOnFirstUse: false });
    withKept.setPacks([tmall], [stored]);
    const without = new SuggestEngine({ phrasebookOnFirstUse: false });
    without.setPacks([tmall], [buildSegment(tmall)]);
    const segment = vi.spyOn(chineseWordSegmenter!, 'segment');
    const first = withKept.suggest({ text: MESSAGES[1]! }).suggestions.map((s) => s.entryId);
    expect(segment.mock.calls.length).toBeLessThan(10);
    expect(first).toEqual(without.suggest({ text: MESSAGES[1]! }).suggestions.map((s) => s.entryId));
    for (const text of MESSAGES)
      expect(withKept.suggest({ text }).suggestions.map((s) => s.entryId)).toEqual(
        without.suggest({ text }).suggestions.map((s) => s.entryId),
      );
  });
});
