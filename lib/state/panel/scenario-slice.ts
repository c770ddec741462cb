import type { Pack, Platform } from '../../packs/schema';
import { activeScenarios } from '../../suggest/rank/scenarios';
import type { PanelSlice, ScenarioSlice } from './types';

export const createScenarioSlice: PanelSlice<ScenarioSlice> = (context) => (set, get) => ({
  switchedOn: [],
  async toggleScenario(id) {
    const current = get().switchedOn;
    const switchedOn = current.includes(id) ? current.filter((s) => s !== id) : [...current, id];
    set({ switchedOn });
    get().recompute();
    await context.services.saveSettings({ scenarios: switchedOn });
  },
});

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
