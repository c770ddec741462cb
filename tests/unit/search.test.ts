import { describe, expect, it } from 'vitest';
import { EntrySearch } from '../../lib/suggest/search';
import { miniEnglish, miniStore, pack } from '../helpers/packs';

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

  it('limits the number of hits', () => {
    expect(search.search('a', 2).length).toBeLessThanOrEqual(2);
  });
});
