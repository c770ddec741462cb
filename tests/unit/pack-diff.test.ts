import { describe, expect, it } from 'vitest';
import { diffPacks, diffText, isEmptyDiff } from '../../lib/packs/diff';
import { miniStore, pack } from '../helpers/packs';

describe('diffText', () => {
  it('marks changed words and Han characters, keeping the rest', () => {
    expect(diffText('亲，48小时内发货 ok fine', '亲，24小时内发货 okay fine')).toEqual([
      { op: 'same', text: '亲，' },
      { op: 'del', text: '48' },
      { op: 'add', text: '24' },
      { op: 'same', text: '小时内发货 ' },
      { op: 'del', text: 'ok' },
      { op: 'add', text: 'okay' },
      { op: 'same', text: ' fine' },
    ]);
  });

  it('shows a removed and an added line', () => {
    expect(diffText('a\nb\nc', 'a\nc\nd')).toEqual([
      { op: 'same', text: 'a\n' },
      { op: 'del', text: 'b\n' },
      { op: 'same', text: 'c' },
      { op: 'add', text: '\nd' },
    ]);
  });

  it('falls back to removed + added for very long unrelated texts', () => {
    const parts = diffText('x'.repeat(1) + ' x'.repeat(2000), 'y' + ' y'.repeat(2000));
    expect(parts.map((p) => p.op)).toEqual(['del', 'add']);
  });
});

describe('diffPacks', () => {
  const before = pack(miniStore);

  it('finds nothing between a pack and itself', () => {
    const diff = diffPacks(before, pack(miniStore));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.unchanged).toBe(before.entries.length);
  });

  it('lists entries added, changed (with the changed text), removed, and facts changed', () => {
    const [first, second, ...rest] = miniStore.entries;
    const after = pack({
      ...miniStore,
      version: '1.1.0',
      facts: {
        ...Object.fromEntries(Object.entries(miniStore.facts ?? {}).filter(([name]) => name !== 'returnDays')),
        shipWithinHours: 24,
        giftWrap: true,
      },
      entries: [
        {
          ...first!,
          questions: [...(first!.questions ?? []), '发货要几天'],
          replies: [{ text: '亲，付款后24小时内发货哦' }],
        },
        ...rest,
        { id: 'gift', title: '礼品包装', questions: ['能包装吗'], replies: [{ text: '可以的亲' }] },
      ],
    });
    const diff = diffPacks(before, after);
    expect(diff.added).toEqual([{ id: 'gift', title: '礼品包装' }]);
    expect(diff.removed).toEqual([{ id: second!.id, title: second!.title }]);
    expect(diff.changed.map((c) => c.id)).toEqual([first!.id]);
    const fields = Object.fromEntries(diff.changed[0]!.fields.map((f) => [f.field, f]));
    expect(Object.keys(fields).sort()).toEqual(['questions', 'replies']);
    expect(fields.questions!.parts.at(-1)).toEqual({ op: 'add', text: '\n发货要几天' });
    expect(fields.replies!.parts.some((p) => p.op === 'add' && p.text.includes('24'))).toBe(true);
    expect(diff.facts).toEqual(
      expect.arrayContaining([
        { name: 'shipWithinHours', before: '48', after: '24' },
        { name: 'giftWrap', before: null, after: 'true' },
        { name: 'returnDays', before: '7', after: null },
      ]),
    );
    expect(diff.pack).toEqual([expect.objectContaining({ field: 'version', before: '1.0.0', after: '1.1.0' })]);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});
