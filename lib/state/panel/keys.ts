import type { PanelState } from './types';

/** A key press in the panel, with where it happened. */
export interface PanelKey {
  key: string;
  altKey: boolean;
  /** An IME is composing: Enter confirms the composition, not an insert. */
  isComposing: boolean;
  /** The search box has the focus: digits are typed there unless Alt is held. */
  inSearch: boolean;
  /** A button has the focus: Enter presses it. */
  onButton: boolean;
}

/**
 * The panel's keyboard: 1–9 insert that row, ↑↓ move the selection, Enter inserts the selected row,
 * Escape clears the search. Returns whether the key was the panel's (the page then prevents its default).
 */
export function handlePanelKey(state: PanelState, key: PanelKey): boolean {
  if (/^[1-9]$/.test(key.key) && (key.altKey || !key.inSearch)) {
    void state.insert(Number(key.key) - 1);
    return true;
  }
  if (key.key === 'ArrowDown' || key.key === 'ArrowUp') {
    state.moveSelection(key.key === 'ArrowDown' ? 1 : -1);
    return true;
  }
  if (key.key === 'Enter' && !key.isComposing && !key.onButton) {
    void state.insert(state.selected);
    return true;
  }
  if (key.key === 'Escape') state.setQuery('');
  return false;
}
