import { pinyin } from 'pinyin-pro';
import { describe, expect, it, vi } from 'vitest';
import { EntrySearch } from '../../lib/suggest/search';
import { miniEnglish, miniStore, pack } from '../helpers/packs';

// The pinyin of every title is the index's main cost: counted, to see when the index is built.
vi.mock('pinyin-pro', async (actual) => {
  const module = await actual<typeof import('pinyin-pro')>();
  return { ...module, pinyin: vi.fn(module.pinyin) };
});

const search = new EntrySearch([pack(miniStore), pack(miniEnglish)]);
const first = (query: string) => search.search(query)[0]?.entryId;

describe('EntrySearch (the agent search box)', () => {
  it.each([
    ['fh', 'ship-time'],
    ['/fh', 'ship-time'],
    ['fahuo', 'ship-time'],
    ['fhsj', 'ship-time'],
    ['发货', 'ship-time'],
    ['發貨', 'ship-time'],
    ['fp', 'invoice'],
    ['kaifapiao', 'invoice'],
    ['tk', 'refund-progress'],
    ['退款', 'refund-progress'],
    ['jiabao', 'price-protect'],
    ['cancel', 'cancel-order'],
    ['pasword', 'reset-password'],
  ])('finds "%s" → %s first', (query, expected) => {
    expect(first(query)).toBe(expected);
  });

  it('returns nothing for an empty query or nonsense', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('zzqxj')).toEqual([]);
  });

  it('includes knowledge cards, marked as cards', () => {
    const hit = search.search('褪色')[0];
    expect(hit).toMatchObject({ entryId: 'fading-card', kind: 'card' });
  });

  it('builds its index on first need, once: the panel draws its first list without it', () => {
    const calls = vi.mocked(pinyin).mock.calls.length;
    const fresh = new EntrySearch([pack(miniStore)]);
    expect(vi.mocked(pinyin).mock.calls.length).toBe(calls);
    const index = fresh.prepare();
    expect(vi.mocked(pinyin).mock.calls.length).toBeGreaterThan(calls);
    const built = vi.mocked(pinyin).mock.calls.length;
    expect(fresh.prepare()).toBe(index);
    expect(fresh.search('fh')[0]?.entryId).toBe('ship-time');
    expect(vi.mocked(pinyin).mock.calls.length).toBe(built);
    // Searching first builds it as well.
    expect(new EntrySearch([pack(miniStore)]).search('fahuo')[0]?.entryId).toBe('ship-time');
  });

  it('builds in steps for the panel (entries a step); a search meanwhile finishes the same build at once', () => {
    const big = pack({
      ...miniStore,
      entries: Array.from({ length: 250 }, (_, i) => ({
        ...miniStore.entries[0]!,
        id: `entry-${i}`,
        shortcut: `/e${i}`,
      })),
    });
    const stepped = new EntrySearch([big]);
    const steps = stepped.prepareSteps();
    let yielded = 0;
    while (!steps.next().done) yielded += 1;
    expect(yielded).toBe(3);
    expect(stepped.search('/e249')[0]?.entryId).toBe('entry-249');
    expect(stepped.prepareSteps().next().done).toBe(true);
    // The agent searches after the first step: the rest is built then, the panel's next step finds it done.
    const interrupted = new EntrySearch([big]);
    const panel = interrupted.prepareSteps();
    panel.next();
    const calls = vi.mocked(pinyin).mock.calls.length;
    expect(interrupted.search('/e249')[0]?.entryId).toBe('entry-249');
    expect(vi.mocked(pinyin).mock.calls.length).toBeGreaterThan(calls);
    const built = vi.mocked(pinyin).mock.calls.length;
    expect(panel.next().done).toBe(true);
    expect(interrupted.prepare().docs).toHaveLength(250);
    expect(vi.mocked(pinyin).mock.calls.length).toBe(built);
  });

  it('limits the number of hits', () => {
    expect(search.search('a', 2).length).toBeLessThanOrEqual(2);
  });
});

describe('EntrySearch across platforms', () => {
  // Three shops' packs with the same shortcut, as the shipped Tmall, JD and PDD packs have /zl.
  const shop = (id: string, platforms: Array<'taobao' | 'jd' | 'pdd'>, title: string) =>
    pack({
      ...miniStore,
      id,
      platforms,
      entries: [{ ...miniStore.entries[0]!, id: 'quality', title, shortcut: '/zl', questions: ['质量问题'] }],
    });
  const three = new EntrySearch([
    shop('pdd', ['pdd'], '拼多多质量问题'),
    shop('jd', ['jd'], '京东质量问题'),
    shop('tb', ['taobao'], '质量问题'),
  ]);

  it("puts the entry made for the chat's platform first, as the composer's shortcut expands it", () => {
    expect(three.search('/zl', 20, 'taobao')[0]?.packId).toBe('tb');
    expect(three.search('/zl', 20, 'jd')[0]?.packId).toBe('jd');
    expect(three.search('zl', 20, 'pdd')[0]?.packId).toBe('pdd');
    // With no platform (or a generic page), the packs' order and titles decide.
    expect(three.search('/zl').map((hit) => hit.packId)).toEqual(['tb', 'jd', 'pdd']);
  });

  it("still ranks an exact title of another platform's entry above a loose match of this one's", () => {
    expect(three.search('拼多多质量问题', 20, 'taobao')[0]?.packId).toBe('pdd');
  });
});
