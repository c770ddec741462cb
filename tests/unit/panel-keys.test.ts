import { describe, expect, it, vi } from 'vitest';
import { handlePanelKey, type PanelKey } from '../../lib/state/panel/keys';
import type { PanelState } from '../../lib/state/panel/types';

function state() {
  return {
    selected: 2,
    insert: vi.fn(async () => {}),
    moveSelection: vi.fn(),
    setQuery: vi.fn(),
  } as unknown as PanelState & {
    insert: ReturnType<typeof vi.fn>;
    moveSelection: ReturnType<typeof vi.fn>;
    setQuery: ReturnType<typeof vi.fn>;
  };
}

const key = (k: string, more: Partial<PanelKey> = {}): PanelKey => ({
  key: k,
  altKey: false,
  isComposing: false,
  inSearch: false,
  onButton: false,
  ...more,
});

describe('handlePanelKey', () => {
  it('inserts row n for digit n, in the search box only with Alt', () => {
    const s = state();
    expect(handlePanelKey(s, key('3'))).toBe(true);
    expect(s.insert).toHaveBeenCalledWith(2);
    expect(handlePanelKey(s, key('1', { inSearch: true }))).toBe(false);
    expect(handlePanelKey(s, key('1', { inSearch: true, altKey: true }))).toBe(true);
    expect(s.insert).toHaveBeenLastCalledWith(0);
    expect(handlePanelKey(s, key('0'))).toBe(false);
  });

  it('moves the selection with the arrows', () => {
    const s = state();
    expect(handlePanelKey(s, key('ArrowDown'))).toBe(true);
    expect(handlePanelKey(s, key('ArrowUp'))).toBe(true);
    expect(s.moveSelection.mock.calls).toEqual([[1], [-1]]);
  });

  it('inserts the selected row on Enter, but not while composing or on a button', () => {
    const s = state();
    expect(handlePanelKey(s, key('Enter', { isComposing: true }))).toBe(false);
    expect(handlePanelKey(s, key('Enter', { onButton: true }))).toBe(false);
    expect(s.insert).not.toHaveBeenCalled();
    expect(handlePanelKey(s, key('Enter'))).toBe(true);
    expect(s.insert).toHaveBeenCalledWith(2);
  });

  it('clears the search on Escape and leaves the key to the page', () => {
    const s = state();
    expect(handlePanelKey(s, key('Escape'))).toBe(false);
    expect(s.setQuery).toHaveBeenCalledWith('');
  });
});
