/**
 * The side panel's store: one zustand store composed of one slice per concern. It talks to the world
 * only through `PanelServices`; the suggestion engine can be handed in too (tests, benches).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { SuggestEngine } from '../../suggest/engine';
import { EntrySearch } from '../../suggest/search';
import { createChatSlice } from './chat-slice';
import { createInsertSlice } from './insert-slice';
import { createLearnSlice, syncEnginePicks } from './learn-slice';
import { createPacksSlice } from './packs-slice';
import { createResultsSlice } from './results-slice';
import { createScenarioSlice } from './scenario-slice';
import { createSearchSlice } from './search-slice';
import { createWaitSlice } from './wait-slice';
import { createLanguageSlice } from '../language';
import { orderSettingsReads } from '../settings-order';
import type { PanelContext, PanelServices, PanelState } from './types';

export function createPanelStore(
  pageServices: PanelServices,
  // The buyer phrasebook is built once the first list is drawn (packs-slice.ts), not on the way to it.
  engine = new SuggestEngine({ phrasebookOnFirstUse: false }),
): StoreApi<PanelState> {
  const services = orderSettingsReads(pageServices);
  const context: PanelContext = {
    services,
    engine,
    search: new EntrySearch([]),
    picks: { records: [], learner: null },
    landings: 'waiting',
  };
  const store = createStore<PanelState>()((...api) => ({
    ...createPacksSlice(context)(...api),
    ...createChatSlice(context)(...api),
    ...createSearchSlice(context)(...api),
    ...createScenarioSlice(context)(...api),
    ...createResultsSlice(context)(...api),
    ...createInsertSlice(context)(...api),
    ...createLearnSlice(context)(...api),
    ...createWaitSlice(context)(...api),
    ...createLanguageSlice(services.browserLanguage, api[0]),
  }));

  // The options page changed the language: the panel follows at once.
  services.onSettingsChanged?.((settings) => store.getState().showLanguage(settings.uiLanguage));
  void services
    .getSettings()
    .then((settings) => {
      store.setState({
        switchedOn: settings.scenarios,
        offByChat: settings.scenariosOffByChat ?? {},
        learning: settings.learning !== false,
      });
      // Read after the learner was built (it assumed learning on): the engine forgets its picks.
      if (settings.learning === false) syncEnginePicks(context, false);
      store.getState().showLanguage(settings.uiLanguage);
    })
    .catch(() => {});
  return store;
}
