/**
 * Which editable the agent last focused or typed in, in this frame: the first route to the composer
 * (lib/adapters/fallback.ts). Kept in memory, not as an attribute on the page, so a framework that
 * re-renders or diffs attributes never sees it; an element that left the page no longer counts.
 */
import { deepActiveElement, eventOrigin } from '../adapters/dom';
import { editableOf } from '../adapters/fallback';

export interface FocusTracker {
  /** The editable last focused or typed in, while it is still on the page; else null. */
  last(): HTMLElement | null;
  stop(): void;
}

export function trackFocus(root: Document): FocusTracker {
  let last: HTMLElement | null = null;
  const remember = (event: Event) => {
    const target = eventOrigin(event) as Element | null;
    const editable = target && target.nodeType === 1 ? editableOf(target) : null;
    if (editable) last = editable;
  };
  // Capture phase: a page that stops propagation still lets us see where the agent is.
  root.addEventListener('focusin', remember, true);
  root.addEventListener('input', remember, true);
  // The element focused before the script arrived (the agent may have clicked the reply box first).
  const active = deepActiveElement(root);
  if (active && active !== root.body) last = editableOf(active);
  return {
    last: () => (last?.isConnected ? last : null),
    stop() {
      root.removeEventListener('focusin', remember, true);
      root.removeEventListener('input', remember, true);
    },
  };
}
