import { useEffect, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { StoreApi } from 'zustand/vanilla';
import { CardList } from '@/components/CardList';
import { ChatHeader } from '@/components/ChatHeader';
import { ComplaintAlert } from '@/components/ComplaintAlert';
import { EmptyState } from '@/components/EmptyState';
import { NoticeBar } from '@/components/NoticeBar';
import { PageProblem } from '@/components/PageProblem';
import { LocaleProvider, useText } from '@/components/text-context';
import { SiteSwitch } from '@/components/SiteSwitch';
import { GENERIC_LABEL, pageProblemOf } from '@/lib/chats/page-problem';
import { browser } from 'wxt/browser';
import { useSiteAccess } from './site-access';
import { Clock, Waiting } from './clock';
import { usePanelKeys } from './panel-keys';
import { ScenarioBar } from '@/components/ScenarioBar';
import { SearchBox } from '@/components/SearchBox';
import { SuggestionList } from '@/components/SuggestionList';
import { questionOf } from '@/lib/suggest/question';
import { chatScenarios } from '@/lib/chats/reply-context';
import { visibleScenarios } from '@/lib/state/panel/scenario-slice';
import type { PanelState } from '@/lib/state/panel/types';

/** The side panel in the language its store resolved (the setting, or the browser's). */
export function App({ store }: { store: StoreApi<PanelState> }) {
  const locale = useStore(store, (s) => s.locale);
  return (
    <LocaleProvider value={locale}>
      <Panel store={store} />
    </LocaleProvider>
  );
}

/** The side panel: lays out the small components, each fed through a selector, plus the keyboard. */
function Panel({ store }: { store: StoreApi<PanelState> }) {
  const t = useText();
  const { chat, query, packs, switchedOn, offByChat } = useStore(
    store,
    useShallow((s) => ({
      chat: s.chat,
      query: s.query,
      packs: s.packs,
      switchedOn: s.switchedOn,
      offByChat: s.offByChat,
    })),
  );
  const list = useStore(
    store,
    useShallow((s) => ({
      items: s.items,
      cards: s.cards,
      selected: s.selected,
      inserting: s.inserting,
      confirming: s.confirming,
    })),
  );
  const risk = useStore(store, (s) => s.risk);
  const product = useStore(store, (s) => s.product);
  const notice = useStore(store, (s) => s.notice);
  const packsError = useStore(store, (s) => s.packsError);
  const emptyReason = useStore(store, (s) => s.emptyReason);
  // Any other page (the generic reader): it can be turned on for good.
  const generic = !chat || chat.siteLabel === GENERIC_LABEL;
  // The generic reader's label is the content script's English; the sites' own names stay as they are.
  const siteLabel = chat && generic ? t('chat.thisPage') : chat?.siteLabel;
  const site = useSiteAccess(chat && generic ? chat.url : undefined);

  usePanelKeys(store);
  useEffect(() => {
    document.title = t('panel.title');
    document.documentElement.lang = t.locale;
  }, [t]);

  const now = new Date();
  const forChat = chatScenarios(packs, chat?.conversation, { switchedOn, offByChat }, now);
  const scenarios = visibleScenarios(packs, chat?.conversation?.platform, now, switchedOn, forChat);

  const conversation = chat?.conversation ?? null;
  // Product cards name the item (shown under the header), they are not the question.
  const question = conversation
    ? questionOf({ messages: conversation.messages.filter((m) => m.kind !== 'product') })
    : undefined;
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.stopPropagation();
    if (event.key === 'Enter' && !event.nativeEvent.isComposing)
      void store.getState().insert(store.getState().selected);
  };

  return (
    <div className="panel">
      <ChatHeader
        connected={Boolean(chat)}
        siteLabel={siteLabel}
        buyerName={conversation?.buyerName}
        question={query ? undefined : question}
        product={product}
      >
        <Clock store={store} />
      </ChatHeader>
      <Waiting store={store} />
      <PageProblem
        problem={pageProblemOf(chat)}
        siteLabel={siteLabel}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />
      {generic && (
        <SiteSwitch
          origin={site.origin}
          enabled={site.enabled}
          message={site.message && t.text(site.message)}
          onEnable={site.enable}
        />
      )}
      <ComplaintAlert risk={risk} />
      <ScenarioBar
        scenarios={scenarios}
        onToggle={(id) => void store.getState().toggleScenario(id)}
        onToggleForChat={(id) => store.getState().toggleScenarioForChat(id)}
      />
      <SearchBox value={query} onChange={(value) => store.getState().setQuery(value)} onKeyDown={onSearchKey} />
      <NoticeBar notice={notice} onDismiss={() => store.getState().dismissNotice()} />
      {packsError && <p className="notice notice--error">{t.text(packsError)}</p>}
      <CardList cards={list.cards} />
      <SuggestionList
        items={list.items}
        selected={list.selected}
        inserting={list.inserting}
        confirming={list.confirming}
        onInsert={(index) => void store.getState().insert(index)}
        onSelect={(index) => store.getState().select(index)}
        onScenarioOn={(id) => void store.getState().toggleScenario(id)}
      />
      <EmptyState reason={emptyReason} />
      <footer className="panel__footer">{t.plural('panel.footer', { count: packs.length })}</footer>
    </div>
  );
}
