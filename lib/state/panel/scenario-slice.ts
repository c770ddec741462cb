import { withChatSwitches } from '../../chats/reply-context';
import { chatKey } from '../../chats/signals';
import type { Pack, Platform } from '../../packs/schema';
import { activeScenarios } from '../../suggest/rank/scenarios';
import type { PanelSlice, ScenarioSlice } from './types';

export const createScenarioSlice: PanelSlice<ScenarioSlice> = (context) => (set, get) => ({
  switchedOn: [],
  offByChat: {},
  async toggleScenario(id) {
    const current = get().switchedOn;
    const switchedOn = current.includes(id) ? current.filter((s) => s !== id) : [...current, id];
    set({ switchedOn });
    get().recompute();
    await context.services.saveSettings({ scenarios: switchedOn });
  },
  toggleScenarioForChat(id) {
    const key = chatKey(get().chat?.conversation);
    if (!key) return;
    const off = get().offByChat[key] ?? [];
    const next = off.includes(id) ? off.filter((s) => s !== id) : [...off, id];
    const offByChat = withChatSwitches(get().offByChat, key, next);
    set({ offByChat });
    get().recompute();
    // Saved so that a shortcut typed in this chat's composer follows the same switches.
    void context.services.saveSettings({ scenariosOffByChat: offByChat }).catch(() => undefined);
  },
});

/**
 * The scenario switches the panel shows: the packs' manual scenarios (the agent turns them on), and the
 * dated ones active today and those the chat's signals switched on, which the agent can switch off for
 * this chat (`off`) — only of packs for the open chat's platform.
 */
export function visibleScenarios(
  packs: Pack[],
  platform: Platform | undefined,
  now: Date,
  switchedOn: string[],
  forChat: { auto: string[]; off: string[] } = { auto: [], off: [] },
): Array<{ id: string; name: string; active: boolean; dated: boolean; auto: boolean; off: boolean }> {
  const byDate = activeScenarios(packs, now);
  const active = activeScenarios(packs, now, [...switchedOn, ...forChat.auto], forChat.off);
  const relevant = packs.filter((p) => !platform || p.platforms.length === 0 || p.platforms.includes(platform));
  const seen = new Set<string>();
  return relevant
    .flatMap((p) => p.scenarios)
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .map((s) => {
      const auto = byDate.has(s.id) || forChat.auto.includes(s.id);
      const manual = !(s.from || s.to) && !s.when;
      return { id: s.id, name: s.name, active: active.has(s.id), dated: Boolean(s.from || s.to), auto, manual };
    })
    .filter((s) => s.manual || s.auto)
    .map(({ manual: _manual, ...s }) => ({ ...s, off: s.auto && forChat.off.includes(s.id) }));
}
