/**
 * The context a chat's replies are chosen and filled in, shared by the side panel (ranking) and the
 * background (a shortcut typed in the composer): the platform, the page's values, the buyer's messages
 * (their language picks the reply variant) and the scenarios in effect — switched on by the agent or by
 * the chat's signals (`when`), minus those the agent switched off for this chat.
 */
import type { Conversation } from '../adapters/types';
import type { Pack, Platform } from '../packs/schema';
import type { ChatMessage } from '../suggest/question';
import type { PageValues } from '../templates/render';
import { pageValuesOf } from './page-values';
import { chatKey, chatSignals, scenariosWhen } from './signals';

/** The agent's scenario switches: saved ones (settings) and per chat (`chatKey` → ids switched off). */
export interface ScenarioSwitches {
  switchedOn: readonly string[];
  offByChat: Readonly<Record<string, readonly string[]>>;
}

/**
 * The scenarios in effect for a chat: switched on by the agent (saved), or by the chat's signals
 * (`auto`), and those switched off for this chat only (dated or signal-driven ones).
 */
export function chatScenarios(
  packs: Pack[],
  conversation: Conversation | null | undefined,
  switches: ScenarioSwitches,
  now: Date,
): { on: string[]; off: string[]; auto: string[] } {
  const auto = scenariosWhen(packs, chatSignals(conversation), now);
  const key = chatKey(conversation);
  return {
    on: [...new Set([...switches.switchedOn, ...auto])],
    off: key ? [...(switches.offByChat[key] ?? [])] : [],
    auto,
  };
}

/** The chat's messages as the engine reads them (product cards left out). */
export function chatMessagesOf(conversation: Conversation | null | undefined): ChatMessage[] {
  return conversation?.messages.filter((m) => m.kind !== 'product').map((m) => ({ role: m.role, text: m.text })) ?? [];
}

/** What a reply is chosen and filled for in this chat (`ChatContext` without the text). */
export interface ChatReplyContext {
  platform: Platform | undefined;
  page: PageValues;
  messages: ChatMessage[];
  scenarios: string[];
  scenariosOff: string[];
  now: Date;
}

export function chatReplyContext(
  packs: Pack[],
  conversation: Conversation | null | undefined,
  switches: ScenarioSwitches,
  now: Date,
): ChatReplyContext {
  const inEffect = chatScenarios(packs, conversation, switches, now);
  return {
    platform: conversation?.platform,
    page: pageValuesOf(conversation),
    messages: chatMessagesOf(conversation),
    scenarios: inEffect.on,
    scenariosOff: inEffect.off,
    now,
  };
}

/** Per-chat switches kept (settings `scenariosOffByChat`): the newest chats, so the row stays small. */
export const OFF_BY_CHAT_LIMIT = 200;

/** `offByChat` with one chat's list replaced, chats without a switch dropped, the newest `OFF_BY_CHAT_LIMIT` kept. */
export function withChatSwitches(
  offByChat: Readonly<Record<string, readonly string[]>>,
  key: string,
  off: readonly string[],
): Record<string, string[]> {
  const entries = Object.entries(offByChat).filter(([k, ids]) => k !== key && ids.length > 0);
  if (off.length > 0) entries.push([key, [...off]]);
  return Object.fromEntries(entries.slice(-OFF_BY_CHAT_LIMIT).map(([k, ids]) => [k, [...ids]]));
}
