/**
 * What the panel says when Huashu cannot read or write a chat page, so a drifted page is never silent:
 * the agent learns that the page changed and where the team lead fixes it (Options → Selector overrides).
 */
import type { ActiveChat } from './types';

export type PageProblem = 'no-messages' | 'no-composer' | null;

/** Label of the generic adapter (any other page): it has no message list or composer of its own to miss. */
export const GENERIC_LABEL = 'This page';

export function pageProblemOf(chat: ActiveChat | null): PageProblem {
  if (!chat || chat.siteLabel === GENERIC_LABEL) return null;
  if (!chat.conversation) return 'no-messages';
  if (!chat.hasComposer) return 'no-composer';
  return null;
}
