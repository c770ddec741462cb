import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { StoreApi } from 'zustand/vanilla';
import { WaitingChats } from '@/components/WaitingChats';
import { WaitTimer } from '@/components/WaitTimer';
import type { PanelState } from '@/lib/state/panel/types';

/**
 * The wait clock and the waiting chats subscribe to the ticking clock on their own, so the rest of the
 * panel does not render again every second.
 */
export function Clock({ store }: { store: StoreApi<PanelState> }) {
  const { since, clock, thresholds } = useStore(
    store,
    useShallow((s) => ({ since: s.chat?.waitingSince, clock: s.clock, thresholds: s.thresholds })),
  );
  return <WaitTimer since={since} now={clock} thresholds={thresholds} />;
}

export function Waiting({ store }: { store: StoreApi<PanelState> }) {
  const { waiting, clock, thresholds } = useStore(
    store,
    useShallow((s) => ({ waiting: s.waiting, clock: s.clock, thresholds: s.thresholds })),
  );
  return (
    <WaitingChats
      chats={waiting}
      now={clock}
      thresholds={thresholds}
      onFocus={(tabId) => void store.getState().focusChat(tabId)}
    />
  );
}
