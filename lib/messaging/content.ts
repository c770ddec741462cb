/**
 * The channel between content scripts (chat pages, and pages where the agent asked for replies) and the
 * background. Content scripts import only this channel, so they cannot even name a message that changes
 * packs or settings; the background also checks who sent each message (they may ask, never change).
 * Names are verb+noun, every payload is one object, and no name is shared with ./pages.ts (both
 * messengers listen on the same runtime port and answer only the names they know).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Conversation } from '../adapters/types';
import type { ConversationReport } from '../chats/types';
import type { InsertOutcome, InsertRequest } from '../insert/types';

/** Content script → background. */
interface ContentToBackground {
  reportConversation(data: ConversationReport): void;
  /** The frame's page is going away (pagehide): the background forgets its report if this document made it. */
  forgetFrame(data: { documentId: string }): void;
  /** Shortcuts of the enabled packs (lower case), for the composer's shortcut expansion. */
  listShortcuts(data: Record<string, never>): string[];
  /** The reply a typed shortcut stands for, filled for this chat; null when none has it. */
  expandShortcut(data: {
    shortcut: string;
    conversation: Conversation | null;
  }): { text: string; cursor: number | null } | null;
  /** Selector overrides the team lead set for this platform (content scripts may read, not change). */
  getSelectorOverrides(data: { platform: string }): Record<string, string>;
}

/** Background → content script (one tab/frame). */
interface BackgroundToContent {
  insertText(data: InsertRequest): InsertOutcome;
  readConversation(data: Record<string, never>): ConversationReport | null;
}

export type ContentProtocol = ContentToBackground & BackgroundToContent;

export const { sendMessage, onMessage } = defineExtensionMessaging<ContentProtocol>();
