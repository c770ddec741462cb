import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { handlePanelKey } from '@/lib/state/panel/keys';
import type { PanelState } from '@/lib/state/panel/types';

/** The panel's keyboard (1–9, arrows, Enter; see lib/state/panel/keys.ts), for as long as the panel is open. */
export function usePanelKeys(store: StoreApi<PanelState>): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const handled = handlePanelKey(store.getState(), {
        key: event.key,
        altKey: event.altKey,
        isComposing: event.isComposing,
        inSearch: target?.dataset?.testid === 'search',
        onButton: target?.tagName === 'BUTTON',
      });
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
