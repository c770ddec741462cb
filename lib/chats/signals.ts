/**
 * The open chat's signals as the panel uses them: the adapter's (read at a full read: badges, order
 * cards, statuses), brought up to date with the messages read since (a shipped-order line or an order
 * number arriving later makes the chat after-sale), and the scenarios they switch on by themselves.
 */
import type { ChatSignals, Conversation } from '../adapters/types';
import { stageOf } from '../adapters/signals';
import type { Pack } from '../packs/schema';
import { inDateWindow } from '../suggest/rank/scenarios';

export function chatSignals(conversation: Conversation | null | undefined): ChatSignals | null {
  if (!conversation) return null;
  const live = stageOf({
    texts: conversation.messages.map((m) => m.text),
    orderCards: conversation.messages.filter((m) => m.kind === 'order').length,
    orderIds: conversation.orderIds.length,
  });
  const read = conversation.signals;
  return {
    stage: read?.stage === 'aftersale' || live === 'aftersale' ? 'aftersale' : 'presale',
    vip: read?.vip ?? false,
    badges: read?.badges ?? [],
  };
}

/** Ids of the scenarios whose `when` the chat meets (every condition given must hold, and the dates). */
export function scenariosWhen(packs: Pack[], signals: ChatSignals | null, now: Date): string[] {
  if (!signals) return [];
  const ids: string[] = [];
  for (const pack of packs) {
    for (const scenario of pack.scenarios) {
      const when = scenario.when;
      if (!when || (when.stage === undefined && when.vip === undefined)) continue;
      if (when.stage !== undefined && when.stage !== signals.stage) continue;
      if (when.vip !== undefined && when.vip !== signals.vip) continue;
      if (!inDateWindow(scenario, now)) continue;
      if (!ids.includes(scenario.id)) ids.push(scenario.id);
    }
  }
  return ids;
}

/** The key of a chat for per-chat choices (`platform:conversationId`). */
export function chatKey(conversation: Conversation | null | undefined): string | null {
  return conversation ? `${conversation.platform}:${conversation.conversationId}` : null;
}
