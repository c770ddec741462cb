import { useEffect, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { CardList } from '@/components/CardList';
import { ChatHeader } from '@/components/ChatHeader';
import { ComplaintAlert } from '@/components/ComplaintAlert';
import { EmptyState } from '@/components/EmptyState';
import { NoticeBar } from '@/components/NoticeBar';
import { ScenarioBar } from '@/components/ScenarioBar';
import { SearchBox } from '@/components/SearchBox';
import { SuggestionList } from '@/components/SuggestionList';
import { questionOf } from '@/lib/suggest/engine';
import { visibleScenarios, type PanelState } from '@/lib/state/panel';

/** The side panel: wiring of store state to small components, plus keyboard shortcuts. */
export function App({ store }: { store: StoreApi<PanelState> }) {
  const state = useStore(store);
  const { chat, items, cards, selected, query, packs, switchedOn } = state;

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const inSearch = (event.target as HTMLElement | null)?.dataset?.testid === 'search';
      if (/^[1-9]$/.test(event.key) && (event.altKey || !inSearch)) {
        event.preventDefault();
        void store.getState().insert(Number(event.key) - 1);
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        store.getState().moveSelection(event.key === 'ArrowDown' ? 1 : -1);
      } else if (event.key === 'Enter' && !event.isComposing && (event.target as HTMLElement).tagName !== 'BUTTON') {
        event.preventDefault();
        void store.getState().insert(store.getState().selected);
      } else if (event.key === 'Escape') {
        store.getState().setQuery('');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const scenarios = visibleScenarios(packs, chat?.conversation?.platform, new Date(), switchedOn);

  const conversation = chat?.conversation ?? null;
  const question = conversation ? questionOf({ messages: conversation.messages }) : undefined;
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.stopPropagation();
    if (event.key === 'Enter' && !event.nativeEvent.isComposing)
      void store.getState().insert(store.getState().selected);
  };

  return (
    <div className="panel">
      <ChatHeader
        connected={Boolean(chat)}
        siteLabel={chat?.siteLabel}
        buyerName={conversation?.buyerName}
        question={query ? undefined : question}
      />
      <ComplaintAlert risk={state.risk} />
      <ScenarioBar scenarios={scenarios} onToggle={(id) => void store.getState().toggleScenario(id)} />
      <SearchBox value={query} onChange={(value) => store.getState().setQuery(value)} onKeyDown={onSearchKey} />
      <NoticeBar notice={state.notice} onDismiss={() => store.getState().dismissNotice()} />
      {state.packsError && <p className="notice notice--error">{state.packsError}</p>}
      <CardList cards={cards} />
      <SuggestionList
        items={items}
        selected={selected}
        inserting={state.inserting}
        onInsert={(index) => void store.getState().insert(index)}
        onSelect={(index) => store.getState().select(index)}
      />
      <EmptyState reason={state.emptyReason} />
      <footer className="panel__footer">
        {packs.length} pack{packs.length === 1 ? '' : 's'} · 1–9 insert · ↑↓ choose · Enter insert
      </footer>
    </div>
  );
}
