/**
 * The side panel's state, one zustand store built from typed slices. It talks to the world only
 * through `PanelServices`, which the entrypoint implements with messages and IndexedDB and tests
 * implement in memory.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ActiveChat } from '../chats/types';
import type { InsertOutcome } from '../insert/types';
import type { Settings } from '../settings';
import type { Pack, Platform } from '../packs/schema';
import { activeScenarios } from '../suggest/scenarios';
import { questionOf, SuggestEngine, type ChatContext, type ChatMessage, type Suggestion } from '../suggest/engine';
import { EntrySearch } from '../suggest/search';
import type { Segment } from '../suggest/segment';
import type { PageValues } from '../templates/render';
import { pageValuesOf } from '../chats/page-values';
import { complaintRisk, type ComplaintRisk } from '../suggest/complaint';

export interface PanelServices {
  loadPacks(): Promise<{ packs: Pack[]; segments: Segment[] }>;
  getActiveChat(): Promise<ActiveChat | null>;
  insertReply(request: {
    text: string;
    cursor: number | null;
    packId: string;
    entryId: string;
  }): Promise<InsertOutcome>;
  copyToClipboard(text: string): Promise<boolean>;
  getSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Records a buyer question nothing answered (the team lead's usage report); fire and forget. */
  logUnanswered?(question: string, platform?: string): void;
  /** Logs a complaint risk for the team lead's report (once per conversation, question and level). */
  logComplaint?(risk: ComplaintRisk, question: string, platform?: string): void;
  now(): Date;
}

/** One row of the panel list: a ranked suggestion or a search hit, ready to insert. */
export interface PanelItem {
  packId: string;
  entryId: string;
  title: string;
  text: string;
  cursor: number | null;
  missing: string[];
  score: number;
  shortcut?: string;
  kind: 'reply' | 'card';
}

export interface Notice {
  tone: 'ok' | 'warn' | 'error';
  text: string;
}

interface PacksSlice {
  packs: Pack[];
  packsError: string | null;
  loadingPacks: boolean;
  reloadPacks(): Promise<void>;
}

interface ChatSlice {
  chat: ActiveChat | null;
  setChat(chat: ActiveChat | null): void;
  refreshChat(): Promise<void>;
}

interface SearchSlice {
  query: string;
  setQuery(query: string): void;
}

interface ScenarioSlice {
  switchedOn: string[];
  toggleScenario(id: string): Promise<void>;
}

interface ResultsSlice {
  /** Ranked suggestions for the chat, or search hits while the agent searches. */
  items: PanelItem[];
  /** Whether the buyer's recent messages point to a complaint, a bad review or a dispute. */
  risk: ComplaintRisk | null;
  cards: PanelItem[];
  /** Why the list is empty, for the panel to say. */
  emptyReason: 'no-packs' | 'no-chat' | 'courtesy' | 'no-match' | 'no-hits' | null;
  selected: number;
  select(index: number): void;
  moveSelection(delta: number): void;
}

interface InsertSlice {
  notice: Notice | null;
  inserting: boolean;
  insert(index: number): Promise<void>;
  dismissNotice(): void;
}

export type PanelState = PacksSlice & ChatSlice & SearchSlice & ScenarioSlice & ResultsSlice & InsertSlice;

/** Page variables from what the adapter read. */
export function pageValues(chat: ActiveChat | null): PageValues {
  return pageValuesOf(chat?.conversation);
}

function chatMessages(chat: ActiveChat | null): ChatMessage[] {
  return chat?.conversation?.messages.map((m) => ({ role: m.role, text: m.text })) ?? [];
}

/**
 * The scenario switches the panel shows: the packs' undated scenarios (the agent turns them on) and
 * the dated ones that are active today — only of packs for the open chat's platform.
 */
export function visibleScenarios(
  packs: Pack[],
  platform: Platform | undefined,
  now: Date,
  switchedOn: string[],
): Array<{ id: string; name: string; active: boolean; dated: boolean }> {
  const active = activeScenarios(packs, now, switchedOn);
  const relevant = packs.filter((p) => !platform || p.platforms.length === 0 || p.platforms.includes(platform));
  const seen = new Set<string>();
  return relevant
    .flatMap((p) => p.scenarios)
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .filter((s) => !(s.from || s.to) || active.has(s.id))
    .map((s) => ({ id: s.id, name: s.name, active: active.has(s.id), dated: Boolean(s.from || s.to) }));
}

function sameRisk(a: ComplaintRisk | null, b: ComplaintRisk | null): boolean {
  return a?.level === b?.level && a?.reasons.join('\u0000') === b?.reasons.join('\u0000');
}

export function createPanelStore(services: PanelServices): StoreApi<PanelState> {
  const engine = new SuggestEngine();
  let search = new EntrySearch([]);
  // Each unanswered question and each complaint risk is logged once per panel session, however often the
  // panel recomputes.
  const logged = new Set<string>();
  const logOnce = (key: string, log: () => void) => {
    if (logged.has(key)) return;
    logged.add(key);
    log();
  };

  const toItem = (s: Suggestion): PanelItem => ({
    packId: s.packId,
    entryId: s.entryId,
    title: s.title,
    text: s.text,
    cursor: s.cursor,
    missing: s.missing,
    score: s.score,
    shortcut: s.shortcut,
    kind: s.kind,
  });

  const store = createStore<PanelState>()((set, get) => {
    /**
     * When the buyer threatens to escalate, the pack's reply to that threat (its 投诉 or 差评 entry) comes
     * first: calming the buyer down comes before the question they asked earlier.
     */
    const threatFirst = (
      suggestions: Suggestion[],
      risk: ComplaintRisk | null,
      context: Omit<ChatContext, 'text' | 'messages'>,
    ): Suggestion[] => {
      if (!risk || risk.threats.length === 0) return suggestions;
      const answer = engine.suggest({ ...context, text: risk.threats.join(' ') }, 1).suggestions[0];
      if (!answer) return suggestions;
      const same = (s: Suggestion) => s.packId === answer.packId && s.entryId === answer.entryId;
      return [suggestions.find(same) ?? answer, ...suggestions.filter((s) => !same(s))].slice(0, 5);
    };

    /** Recomputes the list from packs, chat, query and scenarios. */
    const recompute = () => {
      const { packs, chat, query, switchedOn } = get();
      const now = services.now();
      const messages = chatMessages(chat);
      // Read from the chat whatever the packs or the search box hold: the agent must see it either way.
      const risk = complaintRisk(messages);
      if (!sameRisk(risk, get().risk)) set({ risk });
      const conversation = chat?.conversation;
      if (risk && conversation) {
        const question = questionOf({ messages });
        logOnce(`complaint\u0000${conversation.conversationId}\u0000${risk.level}\u0000${question}`, () =>
          services.logComplaint?.(risk, question, conversation.platform),
        );
      }
      if (packs.length === 0) {
        set({ items: [], cards: [], emptyReason: 'no-packs', selected: 0 });
        return;
      }
      const platform = chat?.conversation?.platform;
      const page = pageValues(chat);
      if (query.trim()) {
        const context = { platform, page, now, scenarios: switchedOn, messages };
        const items = search
          .search(query, 20)
          .map((hit) => engine.render(hit.packId, hit.entryId, context, hit.score))
          .filter((s): s is Suggestion => s !== null)
          .map(toItem);
        set({ items, cards: [], emptyReason: items.length ? null : 'no-hits', selected: 0 });
        return;
      }
      if (!chat?.conversation) {
        set({ items: [], cards: [], emptyReason: 'no-chat', selected: 0 });
        return;
      }
      const result = engine.suggest({ messages, platform, scenarios: switchedOn, page, now }, 5);
      if (result.abstained === 'no-match' && result.query) {
        logOnce(`unanswered\u0000${chat.conversation.conversationId}\u0000${result.query}`, () =>
          services.logUnanswered?.(result.query, platform),
        );
      }
      set({
        items: threatFirst(result.suggestions, risk, { platform, scenarios: switchedOn, page, now }).map(toItem),
        cards: result.cards.map(toItem),
        emptyReason: result.abstained === 'courtesy' ? 'courtesy' : result.abstained ? 'no-match' : null,
        selected: 0,
      });
    };

    return {
      packs: [],
      packsError: null,
      loadingPacks: false,
      async reloadPacks() {
        set({ loadingPacks: true });
        try {
          const { packs, segments } = await services.loadPacks();
          engine.setPacks(packs, segments);
          search = new EntrySearch(packs);
          set({ packs, packsError: null, loadingPacks: false });
        } catch (error) {
          // Keep what was loaded before: a failed reload must not empty the panel.
          set({ packsError: `Could not load the knowledge packs: ${(error as Error).message}`, loadingPacks: false });
        }
        recompute();
      },

      chat: null,
      setChat(chat) {
        set({ chat });
        recompute();
      },
      async refreshChat() {
        const chat = await services.getActiveChat();
        const current = get().chat;
        // Unchanged (same frame, same report): keep the list and the agent's selection as they are.
        if (chat?.tabId === current?.tabId && chat?.frameId === current?.frameId && chat?.at === current?.at) return;
        get().setChat(chat);
      },

      query: '',
      setQuery(query) {
        set({ query });
        recompute();
      },

      switchedOn: [],
      async toggleScenario(id) {
        const current = get().switchedOn;
        const switchedOn = current.includes(id) ? current.filter((s) => s !== id) : [...current, id];
        set({ switchedOn });
        recompute();
        await services.saveSettings({ scenarios: switchedOn });
      },

      items: [],
      risk: null,
      cards: [],
      emptyReason: null,
      selected: 0,
      select(index) {
        set({ selected: Math.max(0, Math.min(index, get().items.length - 1)) });
      },
      moveSelection(delta) {
        get().select(get().selected + delta);
      },

      notice: null,
      inserting: false,
      async insert(index) {
        const item = get().items[index];
        if (!item || get().inserting) return;
        set({ inserting: true, selected: index });
        try {
          const outcome = await services.insertReply({
            text: item.text,
            cursor: item.cursor,
            packId: item.packId,
            entryId: item.entryId,
          });
          if (outcome.ok) {
            const missing = item.missing.length ? ` Fill in: ${item.missing.join(', ')}.` : '';
            set({
              notice: {
                tone: missing ? 'warn' : 'ok',
                text: `Inserted “${item.title}” into the chat — check it and press send.${missing}`,
              },
            });
          } else {
            const copied = await services.copyToClipboard(item.text);
            set({
              notice: {
                tone: copied ? 'warn' : 'error',
                text: copied
                  ? `Could not write into the chat (${outcome.message ?? outcome.method}). The reply is on the clipboard: paste it with Ctrl+V.`
                  : `Could not write into the chat (${outcome.message ?? outcome.method}) nor copy it. Select the text below and copy it by hand.`,
              },
            });
          }
        } catch (error) {
          const copied = await services.copyToClipboard(item.text).catch(() => false);
          set({
            notice: {
              tone: 'error',
              text: `Insert failed: ${(error as Error).message}.${copied ? ' The reply is on the clipboard.' : ''}`,
            },
          });
        } finally {
          set({ inserting: false });
        }
      },
      dismissNotice() {
        set({ notice: null });
      },
    };
  });

  void services
    .getSettings()
    .then((settings) => store.setState({ switchedOn: settings.scenarios }))
    .catch(() => {});
  return store;
}
