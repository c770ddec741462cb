/** Which scenarios are active, and which entries and reply variants may be offered. */
import type { Entry, Pack, Platform, Reply } from '../../packs/schema';

/** `YYYY-MM-DD` of a date in local time. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether a dated scenario's window (inclusive, local time) contains `now`; undated ones: always. */
export function inDateWindow(scenario: { from?: string; to?: string }, now: Date): boolean {
  const today = localDay(now);
  return (!scenario.from || scenario.from <= today) && (!scenario.to || today <= scenario.to);
}

/**
 * Active scenario ids: those the agent (or the chat's signals, see lib/chats/signals.ts) switched on,
 * plus every dated scenario whose window (inclusive, local time) contains `now` — except those switched
 * off for this chat. A scenario with `when` is switched on by the caller, never by its dates alone.
 */
export function activeScenarios(
  packs: Iterable<Pack>,
  now: Date,
  switchedOn: Iterable<string> = [],
  switchedOff: Iterable<string> = [],
): Set<string> {
  const active = new Set(switchedOn);
  for (const pack of packs) {
    for (const scenario of pack.scenarios) {
      if ((!scenario.from && !scenario.to) || scenario.when) continue;
      if (inDateWindow(scenario, now)) active.add(scenario.id);
    }
  }
  for (const id of switchedOff) active.delete(id);
  return active;
}

/** Whether an entry is made for this platform: its pack and the entry name it, or name none (a generic page: any). */
export function isMadeForPlatform(
  pack: Pick<Pack, 'platforms'>,
  entry: Pick<Entry, 'platforms'>,
  platform: Platform | undefined,
): boolean {
  if (!platform || platform === 'generic') return true;
  const fits = (platforms: readonly Platform[]) => platforms.length === 0 || platforms.includes(platform);
  return fits(pack.platforms) && fits(entry.platforms);
}

/** Whether an entry may be offered on this platform with these scenarios active. */
export function isEntryEligible(
  pack: Pack,
  entry: Entry,
  platform: Platform | undefined,
  active: Set<string>,
): boolean {
  if (!isMadeForPlatform(pack, entry, platform)) return false;
  if (entry.scenarios.length > 0 && !entry.scenarios.some((id) => active.has(id))) return false;
  return true;
}

function languageOf(locale: string): string {
  return locale.toLowerCase().split('-')[0] ?? '';
}

/**
 * The scenario that is off and would let an entry answer, or null: a manual one (only the agent switches it
 * on) or a dated one out of its window. Such an entry is still offered, below what answers now and marked
 * with the scenario (see rank.ts): a buyer asking about 预售 or 国补 should meet the pack's answer even before
 * the agent thought of the switch, and one asking "when does your Black Friday sale start" weeks before it
 * should meet the sale's entry, its dates shown, and the agent decides. A scenario switched off for this chat
 * stays off, and so does a `when` scenario the chat does not meet: its condition (a VIP buyer, a page signal)
 * is a fact about the chat, not a date the buyer may ask about.
 */
export function dormantScenarioOf(
  pack: Pack,
  entry: Entry,
  platform: Platform | undefined,
  active: Set<string>,
  switchedOff: ReadonlySet<string> = new Set(),
): Pack['scenarios'][number] | null {
  if (isEntryEligible(pack, entry, platform, active)) return null;
  for (const id of entry.scenarios) {
    const scenario = pack.scenarios.find((s) => s.id === id);
    if (!scenario || scenario.when || active.has(id) || switchedOff.has(id)) continue;
    if (isEntryEligible(pack, entry, platform, new Set([...active, id]))) return scenario;
  }
  return null;
}

/**
 * Picks the reply variant for the buyer: variants for another platform or for inactive scenarios are
 * skipped (unless nothing is left); then the buyer's locale, then scenario- and platform-specific
 * variants win; ties keep the pack's order.
 */
export function chooseReply(
  pack: Pack,
  entry: Entry,
  options: { locale: string; platform?: Platform; active: Set<string> },
): { reply: Reply; index: number; locale: string } {
  const wanted = options.locale.toLowerCase();
  let best = { reply: entry.replies[0]!, index: 0, locale: entry.replies[0]!.locale ?? pack.locale, score: -Infinity };
  entry.replies.forEach((reply, index) => {
    const locale = reply.locale ?? pack.locale;
    let score = 0;
    const platformMismatch = options.platform && reply.platforms && !reply.platforms.includes(options.platform);
    const scenarioMismatch = reply.scenarios && !reply.scenarios.some((id) => options.active.has(id));
    if (platformMismatch || scenarioMismatch) score -= 100;
    if (locale.toLowerCase() === wanted) score += 10;
    else if (languageOf(locale) === languageOf(wanted)) score += 8;
    if (reply.scenarios && !scenarioMismatch) score += 2;
    if (reply.platforms && !platformMismatch) score += 1;
    if (score > best.score) best = { reply, index, locale, score };
  });
  return { reply: best.reply, index: best.index, locale: best.locale };
}
