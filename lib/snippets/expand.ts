/**
 * Shortcuts typed in the chat's own message box: `/fh` then Space or Tab becomes the 发货 reply. The
 * lookup is pure: packs in, the reply filled for this chat out.
 */
import type { Entry, Pack, Platform } from '../packs/schema';
import type { PageValues } from '../templates/render';
import { chatLocale, type ChatMessage } from '../suggest/question';
import { renderReply } from '../suggest/rank/reply';
import { activeScenarios, isEntryEligible } from '../suggest/rank/scenarios';
import { shortcutKey } from './shortcut-key';

/** Every reply shortcut of the packs (the first pack that defines one wins, as in the panel). */
export function shortcutsOf(packs: Pack[]): string[] {
  const keys = new Set<string>();
  for (const pack of packs) {
    for (const entry of pack.entries)
      if (entry.kind === 'reply' && entry.shortcut) keys.add(shortcutKey(entry.shortcut));
  }
  return [...keys];
}

/** The chat a shortcut is typed in, as the panel ranks for it (`chatReplyContext`). */
export interface ExpandContext {
  platform?: Platform;
  /** The buyer's locale; else read from `messages` as the panel does (`chatLocale`). */
  locale?: string;
  page?: PageValues;
  messages?: ChatMessage[];
  scenarios?: string[];
  scenariosOff?: string[];
  now: Date;
}

export interface ExpandedShortcut {
  packId: string;
  entryId: string;
  text: string;
  cursor: number | null;
  missing: string[];
}

/**
 * The reply a shortcut stands for, filled for the chat; null when no reply of these packs has it. The
 * variant is the one the panel would show for this chat: its language, platform and scenarios in effect.
 */
export function expandShortcut(packs: Pack[], shortcut: string, context: ExpandContext): ExpandedShortcut | null {
  const key = shortcutKey(shortcut);
  const active = activeScenarios(packs, context.now, context.scenarios, context.scenariosOff);
  let found: { pack: Pack; entry: Entry } | null = null;
  for (const pack of packs) {
    const entry = pack.entries.find((e) => e.kind === 'reply' && e.shortcut && shortcutKey(e.shortcut) === key);
    if (!entry) continue;
    // An entry for this platform and the active scenarios first; otherwise the first one at all.
    if (isEntryEligible(pack, entry, context.platform, active)) {
      found = { pack, entry };
      break;
    }
    found ??= { pack, entry };
  }
  if (!found) return null;
  const reply = renderReply(found.pack, found.entry, { ...context, locale: chatLocale(context) }, active);
  return {
    packId: found.pack.id,
    entryId: found.entry.id,
    text: reply.text,
    cursor: reply.cursor,
    missing: reply.missing,
  };
}
