import { describe, expect, it } from 'vitest';
import { oneEditApart, TypoIndex } from '../../lib/suggest/index/typos';

describe('oneEditApart', () => {
  it('takes one insertion, deletion, substitution or adjacent swap', () => {
    expect(oneEditApart('blak', 'black')).toBe(true);
    expect(oneEditApart('black', 'blak')).toBe(true);
    expect(oneEditApart('oder', 'order')).toBe(true);
    expect(oneEditApart('jaket', 'jacket')).toBe(true);
    expect(oneEditApart('reveiw', 'review')).toBe(true);
    expect(oneEditApart('recieve', 'receive')).toBe(true);
    expect(oneEditApart('shoes', 'shoos')).toBe(true);
    expect(oneEditApart('aab', 'ab')).toBe(true);
  });

  it('refuses two edits, even when the words share a deletion key', () => {
    expect(oneEditApart('blak', 'bulk')).toBe(false); // both lose a letter to "blk"
    expect(oneEditApart('blak', 'back')).toBe(false); // both lose a letter to "bak"
    expect(oneEditApart('oder', 'code')).toBe(false); // both lose a letter to "ode"
    expect(oneEditApart('order', 'ordered')).toBe(false);
    expect(oneEditApart('abcd', 'badc')).toBe(false);
  });
});

describe('TypoIndex', () => {
  it('keeps only true one-edit neighbours, so a longer right word is not crowded out', () => {
    const typos = new TypoIndex();
    typos.build(['bulk', 'back', 'black', 'blank', 'code', 'order']);
    expect(typos.neighbours('blak').sort()).toEqual(['black', 'blank']);
    expect(typos.neighbours('oder')).toEqual(['order']);
  });
});
