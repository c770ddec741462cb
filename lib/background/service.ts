/**
 * The background's behaviour, apart from the extension APIs it is wired to (entrypoints/background.ts
 * passes them in): who may send what, chat tracking, pack storage, insert routing.
 */
import type { Conversation } from '../adapters/types';
import { chatReplyContext } from '../chats/reply-context';
import type { ActiveChat, ChatSummary, ConversationReport } from '../chats/types';
import { listPacks, loadEnabledPackList, removePack, setPackEnabled } from '../db/packs';
import { clearPicks, loadPicks } from '../db/picks';
import type { HuashuDb, StoredSubscription } from '../db/schema';
import { listSubscriptions, recordSyncCheck } from '../db/subscription-store';
import type { InsertOutcome, InsertRequest } from '../insert/types';
import { base64ToBytes } from '../messaging/base64';
import type { PanelPick } from '../messaging/pages';
import { packFromText, readPackBytes, type PackText } from '../packs/import';
import { checkPublicKey } from '../packs/signature';
import type { ImportOutcome, ImportResult, PackSummary, SubscribeRequest } from '../packs/types';
import { settingsFrom, type Settings } from '../settings';
import {
  readFleetPolicy,
  settingsUnderPolicy,
  touchesLockable,
  unlockedPatch,
  type PolicyReading,
  type PolicyView,
} from '../settings/policy';
import { expandShortcut, shortcutsOf, type ExpandedShortcut } from '../snippets/expand';
import { picksToNdjson } from '../suggest/learn/export';
import { pendingBuyerTexts } from '../suggest/question';
import { loadLanguageDetector } from '../suggest/text/language';
// For its effect: redacting and recording a pick read English with the word tables from the worker's first event.
import '../suggest/text/word-tables-bundled';
import {
  checkPackUrl,
  fetchPackBytes,
  fileNameOfUrl,
  hashText,
  type FetchLike,
  type FetchPackOptions,
  type SyncState,
} from '../sync/pack-fetch';
import { checkSignedPack } from '../sync/pack-signature';
import { isDue } from '../sync/schedule';
import { describeRefusedPack } from '../sync/status';
import { redactQuestion, retentionCutoff, storableEvent } from '../usage/log';
import { buildUsageReport, DAY, USAGE_RETENTION_DAYS, type UsageLogEvent, type UsageReport } from '../usage/report';
import {
  activeChat,
  forgetFrame,
  forgetTab,
  recordActivation,
  recordReport,
  waitingChats,
  type ChatRegistry,
} from './chat-registry';
import { applyPolicySubscriptions, MANAGED_READ_MS, markManaged, policyView, readManaged } from './fleet-policy';
import { importPackText, reviewPackText } from './pack-import';
import { prunePicks, storePick } from './picks';
import { usageCsv, usageNdjson } from '../usage/ndjson';
import { insertTrace, trackConversation } from './usage-funnel';

/** Where a message came from, as the browser says (runtime.MessageSender). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; active?: boolean };
  frameId?: number;
}

export interface BackgroundPorts {
  db: HuashuDb;
  extensionId: string;
  /** The extension's own origin, e.g. `chrome-extension://abc/`. */
  extensionOrigin: string;
  loadRegistry(): Promise<ChatRegistry>;
  saveRegistry(registry: ChatRegistry): Promise<void>;
  sendInsert(tabId: number, frameId: number, request: InsertRequest): Promise<InsertOutcome | undefined>;
  broadcastActiveChat(chat: ActiveChat | null): void;
  /** Makes a tab the active one in its window and focuses the window (the waiting-chats list). */
  focusTab?(tabId: number): Promise<void>;
  broadcastPacksChanged(ids: string[]): void;
  /** Stored picks changed (a shortcut was picked, picks were forgotten): open panels reload their learner. */
  broadcastPicksChanged?(): void;
  /** Settings were saved: open pages follow (the UI language), the background retitles its menu. */
  broadcastSettingsChanged?(settings: Settings): void;
  /** An event was written to the usage log: an open options page reads its report again. */
  broadcastUsageChanged?(): void;
  /** The browser's `fetch`, for subscribed pack URLs. */
  fetch: FetchLike;
  /** Timeout and size limit of those fetches (tests make them small). */
  fetchOptions?: FetchPackOptions;
  /** WebCrypto (`crypto.subtle`), to check the signatures of pinned subscriptions; without it they are refused. */
  subtle?: SubtleCrypto;
  /** `storage.managed.get()`: the organisation's fleet policy as the browser has it (may reject: no policy). */
  loadManagedPolicy?(): Promise<unknown>;
  now(): number;
}

class NotAllowedError extends Error {}

/** Extension pages (panel, options) may change things; content scripts may not. */
export function isExtensionPage(
  sender: Sender,
  ports: Pick<BackgroundPorts, 'extensionId' | 'extensionOrigin'>,
): boolean {
  return (
    sender.id === ports.extensionId && typeof sender.url === 'string' && sender.url.startsWith(ports.extensionOrigin)
  );
}

/** A content script of ours, in a web page's tab. */
function isContentScript(sender: Sender, ports: Pick<BackgroundPorts, 'extensionId' | 'extensionOrigin'>): boolean {
  return sender.id === ports.extensionId && sender.tab?.id !== undefined && !isExtensionPage(sender, ports);
}

/** What a sync check records before it parses a file; it stays only if the check never finished. */
export const INTERRUPTED_CHECK = 'the last check stopped while reading the file (it may be too large or malformed)';

/** How long an insert waits for a chat page that is reloading to report again (see `chatToInsertInto`). */
export const CHAT_REPORT_WAIT = { tries: 6, ms: 100 } as const;

export class BackgroundService {
  /** Registry updates run one after another: they load, change and save session storage. */
  private registryQueue: Promise<unknown> = Promise.resolve();
  /** Pack fetches run one after another: "Sync now" during the alarm's check must not import twice. */
  private syncQueue: Promise<unknown> = Promise.resolve();
  /** Funnel logging runs one report after another: two reports must not both log a chat as opened. */
  private funnelQueue: Promise<unknown> = Promise.resolve();
  /** Policy runs one after another: start-up and a policy change must not both subscribe to one URL. */
  private policyQueue: Promise<unknown> = Promise.resolve();
  /**
   * A typed shortcut's log and pick, one after another, after its reply went back: they wait for the fleet policy
   * (usage log and learning may be locked), which a browser just started answers only after seconds.
   */
  private shortcutRecords: Promise<unknown> = Promise.resolve();

  constructor(private readonly ports: BackgroundPorts) {}

  /**
   * Applies a change to the chat registry without losing concurrent ones (a tab closing while another
   * reports would otherwise bring the closed tab back); broadcasts the active chat when it changed.
   */
  private updateRegistry(change: (registry: ChatRegistry) => ChatRegistry, alwaysBroadcast = false): Promise<void> {
    const run = this.registryQueue.then(async () => {
      const before = await this.ports.loadRegistry();
      const after = change(before);
      await this.ports.saveRegistry(after);
      const chat = activeChat(after);
      if (alwaysBroadcast || chat !== activeChat(before)) this.ports.broadcastActiveChat(chat);
    });
    this.registryQueue = run.catch(() => {});
    return run;
  }

  private requirePage(sender: Sender): void {
    if (!isExtensionPage(sender, this.ports)) throw new NotAllowedError('only extension pages may do this');
  }

  async reportConversation(sender: Sender, report: ConversationReport): Promise<void> {
    if (!isContentScript(sender, this.ports)) throw new NotAllowedError('only content scripts report conversations');
    const tabId = sender.tab!.id!;
    const frameId = sender.frameId ?? 0;
    let previous: Conversation | null | undefined;
    await this.updateRegistry((registry) => {
      previous = registry.reports[`${tabId}:${frameId}`]?.conversation;
      return recordReport(registry, tabId, frameId, report, this.ports.now(), sender.tab?.active ?? false);
    }, true);
    // The funnel (sent / edited) and the time to first reply, one report after another.
    const track = this.funnelQueue.then(() =>
      trackConversation(this.ports.db, previous, report.conversation, this.ports.now()),
    );
    this.funnelQueue = track.catch(() => {});
    if (await track) this.ports.broadcastUsageChanged?.();
  }

  /** A content script's page is going away: its frame's report is forgotten, if that document made it. */
  async frameGone(sender: Sender, data: { documentId: string }): Promise<void> {
    this.requireContent(sender);
    const tabId = sender.tab!.id!;
    const documentId = String(data?.documentId ?? '');
    await this.updateRegistry((registry) => forgetFrame(registry, tabId, sender.frameId ?? 0, documentId), true);
  }

  private requireContent(sender: Sender): void {
    if (!isContentScript(sender, this.ports)) throw new NotAllowedError('only content scripts may do this');
  }

  async listShortcuts(sender: Sender): Promise<string[]> {
    this.requireContent(sender);
    return shortcutsOf(await loadEnabledPackList(this.ports.db));
  }

  /**
   * A shortcut typed in the composer: its reply filled for that chat, then logged as used and learned as a pick.
   * The reply needs only the agent's scenario switches, which the fleet policy never sets: it does not wait for the
   * managed storage (up to `MANAGED_READ_MS` after a fresh install); the log and the pick do, after the reply.
   */
  async expandShortcut(
    sender: Sender,
    data: { shortcut: string; conversation: Conversation | null },
  ): Promise<{ text: string; cursor: number | null } | null> {
    this.requireContent(sender);
    const conversation = data.conversation;
    const packs = await loadEnabledPackList(this.ports.db);
    const settings = await this.localSettings();
    // The chat's context as the panel ranks for it: the buyer's language picks the variant (the Latin
    // detector loads once), the chat's signals and the agent's switches the scenarios.
    await loadLanguageDetector();
    const switches = { switchedOn: settings.scenarios, offByChat: settings.scenariosOffByChat ?? {} };
    const expanded = expandShortcut(
      packs,
      data.shortcut,
      chatReplyContext(packs, conversation, switches, new Date(this.ports.now())),
    );
    if (!expanded) return null;
    const record = this.shortcutRecords.then(() => this.recordShortcut(expanded, conversation));
    this.shortcutRecords = record.catch(() => {});
    return { text: expanded.text, cursor: expanded.cursor };
  }

  /** Typed shortcuts' logs and picks are written (tests, and anything that reads them right after). */
  shortcutsRecorded(): Promise<unknown> {
    return this.shortcutRecords;
  }

  private async recordShortcut(expanded: ExpandedShortcut, conversation: Conversation | null): Promise<void> {
    const settings = await this.getSettings();
    await this.logUsage(
      {
        type: 'inserted',
        platform: conversation?.platform,
        packId: expanded.packId,
        entryId: expanded.entryId,
        ...insertTrace(expanded.text, conversation),
      },
      settings,
    );
    // A typed shortcut is a pick too: the conversation it was typed in says what the buyer asked.
    const question = pendingBuyerTexts(conversation?.messages ?? [], 3).join('\n');
    if (question && settings.learning) {
      const names = conversation?.buyerName ? [conversation.buyerName] : [];
      const stored = await storePick(this.ports.db, { ...expanded, question, names }, this.ports.now());
      if (stored) this.ports.broadcastPicksChanged?.();
    }
  }

  /**
   * The agent inserted an entry from the panel while `question` was pending: stored (redacted again here)
   * when learning is on. The panel has learned it already; it needs no broadcast.
   */
  async recordPick(sender: Sender, data: PanelPick): Promise<void> {
    this.requirePage(sender);
    if (!(await this.getSettings()).learning) return;
    await storePick(this.ports.db, data, this.ports.now());
  }

  /** "Forget what was learned". */
  async forgetPicks(sender: Sender): Promise<void> {
    this.requirePage(sender);
    await clearPicks(this.ports.db);
    this.ports.broadcastPicksChanged?.();
  }

  /** "Export learned phrasings": NDJSON, one pick per line (docs/LEARNING.md). */
  async exportPicks(sender: Sender): Promise<string> {
    this.requirePage(sender);
    return picksToNdjson(await loadPicks(this.ports.db));
  }

  /** Packs were stored or removed: picks of entries they no longer have go, then pages are told. */
  private async packsChanged(ids: string[]): Promise<void> {
    await prunePicks(this.ports.db, ids).catch(() => 0);
    this.ports.broadcastPacksChanged(ids);
  }

  async tabActivated(tabId: number): Promise<void> {
    await this.updateRegistry((registry) => recordActivation(registry, tabId));
  }

  async tabGone(tabId: number): Promise<void> {
    await this.updateRegistry((registry) => forgetTab(registry, tabId), true);
  }

  async getActiveChat(sender: Sender): Promise<ActiveChat | null> {
    this.requirePage(sender);
    await this.registryQueue;
    return activeChat(await this.ports.loadRegistry());
  }

  async listWaitingChats(sender: Sender): Promise<ChatSummary[]> {
    this.requirePage(sender);
    await this.registryQueue;
    return waitingChats(await this.ports.loadRegistry());
  }

  /** Switches to a chat tab the registry knows (never any other tab); it becomes the chat in use. */
  async focusChat(sender: Sender, data: { tabId: number }): Promise<void> {
    this.requirePage(sender);
    const registry = await this.ports.loadRegistry();
    if (!Object.values(registry.reports).some((r) => r.tabId === data.tabId)) return;
    await this.ports.focusTab?.(data.tabId);
    await this.tabActivated(data.tabId);
  }

  /**
   * The chat the agent used last. Right after a chat page reloads there is none for a moment: the old page
   * forgot its report on pagehide and the new one reports about 0.2 s later. An insert in that gap waits for
   * it (up to `CHAT_REPORT_WAIT.tries` × `CHAT_REPORT_WAIT.ms`) rather than saying no chat is open.
   */
  private async chatToInsertInto(): Promise<ActiveChat | null> {
    for (let attempt = 0; ; attempt += 1) {
      await this.registryQueue;
      const chat = activeChat(await this.ports.loadRegistry());
      if (chat || attempt === CHAT_REPORT_WAIT.tries) return chat;
      await new Promise((wait) => setTimeout(wait, CHAT_REPORT_WAIT.ms));
    }
  }

  /** Sends the reply to the composer of the chat the agent used last. Never presses send. */
  async insertReply(
    sender: Sender,
    request: InsertRequest & { packId: string; entryId: string },
  ): Promise<InsertOutcome> {
    this.requirePage(sender);
    const chat = await this.chatToInsertInto();
    if (!chat)
      return { ok: false, method: 'none', message: 'No chat tab is open: open Taobao, JD or Shopify chat first.' };
    let outcome: InsertOutcome | undefined;
    try {
      outcome = await this.ports.sendInsert(chat.tabId, chat.frameId, {
        text: request.text,
        cursor: request.cursor,
        ...(request.conversationId ? { conversationId: request.conversationId } : {}),
      });
    } catch (error) {
      outcome = {
        ok: false,
        method: 'none',
        message: `The chat tab did not answer (${(error as Error).message}). Reload it and try again.`,
      };
    }
    outcome ??= { ok: false, method: 'none', message: 'The chat tab did not answer. Reload it and try again.' };
    await this.logUsage({
      type: outcome.ok ? 'inserted' : 'copied',
      platform: chat.conversation?.platform,
      packId: request.packId,
      entryId: request.entryId,
      ...(outcome.ok ? insertTrace(request.text, chat.conversation) : {}),
    });
    return outcome;
  }

  /**
   * A file the options page sent as it is: read, converted, validated and stored like a subscribed URL's.
   * A file that would replace a stored pack is not stored: what it changes comes back for review, and the
   * page sends it again with `confirm` to apply it.
   */
  async importPack(
    sender: Sender,
    data: { fileName: string; base64: string; confirm?: boolean },
  ): Promise<ImportOutcome> {
    this.requirePage(sender);
    const read = await readPackBytes(base64ToBytes(data.base64), data.fileName);
    if (!read.ok) return read;
    const source = { kind: 'file', fileName: data.fileName } as const;
    if (!data.confirm) {
      const review = await reviewPackText(this.ports.db, read.file, source);
      if (review) return review;
    }
    const result = await importPackText(this.ports.db, read.file, source, this.ports.now());
    if (result.ok) await this.packsChanged([result.pack.id]);
    return result;
  }

  async listPacks(sender: Sender): Promise<PackSummary[]> {
    this.requirePage(sender);
    return this.packList();
  }

  /** The stored packs, those the fleet policy subscribes to marked as managed. */
  private async packList(): Promise<PackSummary[]> {
    return markManaged(await listPacks(this.ports.db), (await this.fleetPolicy()).policy);
  }

  async setPackEnabled(sender: Sender, data: { id: string; enabled: boolean }): Promise<PackSummary[]> {
    this.requirePage(sender);
    await setPackEnabled(this.ports.db, data.id, data.enabled);
    this.ports.broadcastPacksChanged([data.id]);
    return this.packList();
  }

  async removePack(sender: Sender, data: { id: string }): Promise<PackSummary[]> {
    this.requirePage(sender);
    const managed = (await this.packList()).find((p) => p.id === data.id)?.managed;
    if (managed)
      throw new NotAllowedError('this pack is subscribed by your organisation’s policy: it cannot be removed');
    await removePack(this.ports.db, data.id);
    await this.packsChanged([data.id]);
    return this.packList();
  }

  private queueSync<T>(work: () => Promise<T>): Promise<T> {
    const run = this.syncQueue.then(work);
    this.syncQueue = run.catch(() => {});
    return run;
  }

  /**
   * Subscribes to a pack URL: fetches it now and imports it exactly as a file import does (a Huashu pack
   * or another tool's export, validated and linted); from then on the background keeps it in step.
   * With `publicKey` (the team's, as `kpack sign` prints it) the subscription is pinned: this file and
   * every update must be signed with that key, or nothing is stored.
   */
  async subscribePack(sender: Sender, data: SubscribeRequest): Promise<ImportResult> {
    this.requirePage(sender);
    return this.subscribe(data);
  }

  /**
   * The one way in for a subscription, whoever asks (the options page through `subscribePack`, or the
   * background itself for subscriptions a policy configures): the address and key checked, then the first fetch.
   */
  async subscribe(data: SubscribeRequest): Promise<ImportResult> {
    const checked = checkPackUrl(typeof data.url === 'string' ? data.url : '');
    if (!checked.ok) return { ok: false, errors: [{ path: '', message: checked.message }] };
    const url = checked.url;
    let publicKey: string | null = null;
    // Empty is no key; anything else must be one (a policy's mistyped key must not silently unpin).
    const given = data.publicKey ?? '';
    if (typeof given !== 'string' || given.trim()) {
      const key = checkPublicKey(String(given));
      if (!key.ok) return { ok: false, errors: [{ path: '', message: key.message }] };
      publicKey = key.publicKey;
    }
    return this.queueSync(async () => {
      const outcome = await fetchPackBytes(this.ports.fetch, url, {}, this.ports.fetchOptions);
      if (outcome.kind === 'error') {
        return {
          ok: false,
          errors: [{ path: '', message: outcome.message }],
          ...(outcome.accessOrigin ? { accessOrigin: outcome.accessOrigin } : {}),
        };
      }
      if (outcome.kind === 'unchanged') {
        return {
          ok: false,
          errors: [{ path: '', message: 'the server answered “304 Not Modified” to a plain request' }],
        };
      }
      if (publicKey) {
        const signed = await this.checkSignature(url, outcome.bytes, publicKey);
        if (!signed.ok) return { ok: false, errors: [{ path: '', message: signed.message }] };
      }
      const read = await readPackBytes(outcome.bytes, fileNameOfUrl(url));
      if (!read.ok) return read;
      const { etag, lastModified } = outcome;
      const result = await importPackText(this.ports.db, read.file, { kind: 'url', url }, this.ports.now(), {
        sync: { etag, lastModified, contentHash: hashText(read.file.text) },
        mayReplace: data.replace === true,
        publicKey,
        ...(typeof data.expectId === 'string' && data.expectId ? { expectId: data.expectId } : {}),
      });
      if (!result.ok) return result;
      await this.packsChanged([result.pack.id]);
      return publicKey ? { ...result, signedBy: publicKey } : result;
    });
  }

  /** Whether fetched bytes are signed with the pinned key (the signature fetched beside them). */
  private checkSignature(url: string, bytes: Uint8Array<ArrayBuffer>, publicKey: string) {
    return checkSignedPack(this.ports.fetch, this.ports.subtle, url, bytes, publicKey, this.ports.fetchOptions);
  }

  /** "Sync now": checks these subscribed packs (all when `ids` is absent), whether due or not. */
  async syncPacks(sender: Sender, data: { ids?: string[] }): Promise<PackSummary[]> {
    this.requirePage(sender);
    const wanted = data.ids ? new Set(data.ids) : null;
    const subscriptions = (await listSubscriptions(this.ports.db)).filter((s) => !wanted || wanted.has(s.packId));
    await this.syncAll(subscriptions.map((s) => s.packId));
    return this.packList();
  }

  /** The alarm: checks the subscriptions that are due. Not a message: only the background calls it. */
  async syncDuePacks(): Promise<string[]> {
    // A policy subscription that failed is tried again with the hourly check.
    await this.applyPolicy().catch(() => []);
    const now = this.ports.now();
    const due = (await listSubscriptions(this.ports.db)).filter((s) => isDue(s, now));
    return this.syncAll(due.map((s) => s.packId));
  }

  private async syncAll(packIds: string[]): Promise<string[]> {
    const changed: string[] = [];
    for (const packId of packIds) {
      // Read in the queue: a check that ran meanwhile may have stored a new version and its ETag.
      const synced = await this.queueSync(async () => {
        const subscription = await this.ports.db.subscriptions.get(packId);
        return subscription ? this.syncOne(subscription) : false;
      });
      if (synced) changed.push(packId);
    }
    if (changed.length > 0) await this.packsChanged(changed);
    return changed;
  }

  /**
   * One check of a subscribed pack. Only a new, valid file with the same pack id replaces the stored pack
   * (its enabled flag kept, its index rebuilt); anything else leaves the pack as it is and records why.
   */
  private async syncOne(subscription: StoredSubscription): Promise<boolean> {
    try {
      return await this.checkSubscription(subscription);
    } catch (error) {
      // Whatever escaped (a bug, a storage error) is a failed check with its back-off, never silent.
      await recordSyncCheck(this.ports.db, subscription.packId, {
        checkedAt: this.ports.now(),
        lastError: `the check failed: ${(error as Error)?.message || String(error)}`,
        failures: subscription.failures + 1,
      }).catch(() => {});
      return false;
    }
  }

  private async checkSubscription(subscription: StoredSubscription): Promise<boolean> {
    const { db } = this.ports;
    const outcome = await fetchPackBytes(this.ports.fetch, subscription.url, subscription, this.ports.fetchOptions);
    const now = this.ports.now();
    const failed = (lastError: string, accessOrigin?: string) =>
      recordSyncCheck(db, subscription.packId, {
        checkedAt: now,
        lastError,
        failures: subscription.failures + 1,
        ...(accessOrigin ? { accessOrigin } : {}),
      });
    if (outcome.kind === 'error') {
      await failed(outcome.message, outcome.accessOrigin);
      return false;
    }
    const validators = {
      ...(outcome.etag ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
    };
    const unchanged = () =>
      recordSyncCheck(db, subscription.packId, { checkedAt: now, lastError: null, failures: 0, ...validators });
    if (outcome.kind === 'unchanged') {
      await unchanged();
      return false;
    }
    // A pinned subscription reads only what the team key signed: checked over the exact bytes, before parsing.
    if (subscription.publicKey) {
      const signed = await this.checkSignature(subscription.url, outcome.bytes, subscription.publicKey);
      if (!signed.ok) {
        await failed(signed.message);
        return false;
      }
    }
    // Written before the file is parsed: if the worker dies while reading it (a hostile file), the check
    // counts as failed and the next one waits for its back-off; success below clears it.
    await failed(INTERRUPTED_CHECK);
    // Read as a file import reads it (a workbook's sheet, GB18030 CSV); a cannot-read is a failed check.
    const read = await readPackBytes(outcome.bytes, fileNameOfUrl(subscription.url));
    if (!read.ok) {
      await failed(read.errors[0]!.message);
      return false;
    }
    // A server without ETag or Last-Modified that sends the same body again: unchanged.
    const contentHash = hashText(read.file.text);
    if (subscription.contentHash === contentHash) {
      await unchanged();
      return false;
    }
    // Removed while it was being fetched: do not bring it back.
    if (!(await db.subscriptions.get(subscription.packId))) return false;
    if (subscription.reviewUpdates) return this.keepForReview(subscription, read.file, { ...validators, contentHash });
    const result = await importPackText(db, read.file, { kind: 'url', url: subscription.url }, now, {
      expectId: subscription.packId,
      sync: { ...validators, contentHash },
      onlyIfSubscribedTo: subscription.url,
    });
    if (!result.ok) {
      // The refused file's validators are not kept: the next check fetches it whole and reports it again.
      await failed(describeRefusedPack(result.errors));
      return false;
    }
    return true;
  }

  /**
   * A subscription that reviews updates: a valid update is kept as pending (the stored pack untouched)
   * until the team lead applies it; an invalid one is refused as usual. True when a new one is waiting.
   */
  private async keepForReview(subscription: StoredSubscription, file: PackText, sync: SyncState): Promise<boolean> {
    const now = this.ports.now();
    if (subscription.pending?.sync.contentHash === sync.contentHash) {
      await recordSyncCheck(this.ports.db, subscription.packId, { checkedAt: now, lastError: null, failures: 0 });
      return false;
    }
    const imported = packFromText(file, fileNameOfUrl(subscription.url), { expectId: subscription.packId });
    if (!imported.ok) {
      await recordSyncCheck(this.ports.db, subscription.packId, {
        checkedAt: now,
        lastError: describeRefusedPack(imported.errors),
        failures: subscription.failures + 1,
      });
      return false;
    }
    await recordSyncCheck(this.ports.db, subscription.packId, {
      checkedAt: now,
      lastError: null,
      failures: 0,
      // Asked with these validators, the server answers 304 until the file changes again.
      ...(sync.etag ? { etag: sync.etag } : {}),
      ...(sync.lastModified ? { lastModified: sync.lastModified } : {}),
      pending: { file, version: imported.pack.version, fetchedAt: now, sync },
    });
    return true;
  }

  /** Subscribed updates apply when fetched, or wait for review. */
  async setReviewUpdates(sender: Sender, data: { packId: string; review: boolean }): Promise<PackSummary[]> {
    this.requirePage(sender);
    const managed = (await this.packList()).find((p) => p.id === data.packId)?.managed;
    if (managed?.reviewUpdates !== undefined)
      throw new NotAllowedError('your organisation’s policy sets whether this pack’s updates wait for review');
    await this.queueSync(async () => {
      const subscription = await this.ports.db.subscriptions.get(data.packId);
      if (!subscription) return;
      const next: StoredSubscription = { ...subscription, reviewUpdates: data.review };
      if (!data.review) delete next.pending;
      await this.ports.db.subscriptions.put(next);
    });
    return this.packList();
  }

  /** The update waiting for review, as what it would change; an error when there is none or it no longer imports. */
  async reviewUpdate(sender: Sender, data: { packId: string }): Promise<ImportOutcome> {
    this.requirePage(sender);
    const subscription = await this.ports.db.subscriptions.get(data.packId);
    if (!subscription?.pending)
      return { ok: false, errors: [{ path: '', message: 'no update is waiting for review' }] };
    const source = { kind: 'url', url: subscription.url } as const;
    const review = await reviewPackText(this.ports.db, subscription.pending.file, source, { expectId: data.packId });
    return (
      review ?? {
        ok: false,
        errors: [{ path: '', message: 'the update changes nothing: apply it to record it as the stored version' }],
      }
    );
  }

  /** Applies the update waiting for review: stored as a sync would have stored it. */
  async applyUpdate(sender: Sender, data: { packId: string }): Promise<ImportResult> {
    this.requirePage(sender);
    const result = await this.queueSync(async (): Promise<ImportResult> => {
      const subscription = await this.ports.db.subscriptions.get(data.packId);
      const pending = subscription?.pending;
      if (!subscription || !pending) return { ok: false, errors: [{ path: '', message: 'no update is waiting' }] };
      return importPackText(this.ports.db, pending.file, { kind: 'url', url: subscription.url }, this.ports.now(), {
        expectId: data.packId,
        sync: pending.sync,
      });
    });
    if (result.ok) this.ports.broadcastPacksChanged([data.packId]);
    return result;
  }

  /** Logs a buyer question the panel had no suggestion for; events older than the retention go. */
  async logUnanswered(sender: Sender, data: { question: string; platform?: string }): Promise<void> {
    this.requirePage(sender);
    const question = redactQuestion(String(data.question ?? ''));
    if (question) await this.logUsage({ type: 'unanswered', platform: data.platform, question });
  }

  /** Logs the entries the panel shows first for a buyer's question: the top of the funnel. */
  async logSuggested(
    sender: Sender,
    data: { entries: Array<{ packId: string; entryId: string }>; platform?: string },
  ): Promise<void> {
    this.requirePage(sender);
    // One settings read (under the fleet policy, which may wait) for the three events.
    const settings = await this.getSettings();
    for (const { packId, entryId } of data.entries.slice(0, 3)) {
      if (typeof packId === 'string' && typeof entryId === 'string')
        await this.logUsage({ type: 'suggested', platform: data.platform, packId, entryId }, settings);
    }
  }

  /** Logs a conversation the panel flagged as a complaint risk, for the team lead's report. */
  async logComplaint(
    sender: Sender,
    data: { question: string; level: 'high' | 'watch'; reasons: string[]; platform?: string },
  ): Promise<void> {
    this.requirePage(sender);
    const question = redactQuestion(String(data.question ?? ''));
    if (!question || (data.level !== 'high' && data.level !== 'watch')) return;
    const reasons = data.reasons.slice(0, 10).map((r) => String(r).slice(0, 40));
    await this.logUsage({ type: 'complaint', platform: data.platform, question, level: data.level, reasons });
  }

  /**
   * Adds an event to the local usage log, buyer words redacted (see lib/usage/log.ts), unless the team
   * lead turned logging off; events older than the retention go (the daily alarm prunes too). `settings`: the
   * settings in force, when the caller has read them already. Open options pages are told.
   */
  private async logUsage(event: Omit<UsageLogEvent, 'at'>, settings?: Settings): Promise<void> {
    settings ??= await this.getSettings();
    if (settings.usageLog === false) return;
    const now = this.ports.now();
    await this.ports.db.usage.add(storableEvent({ at: now, ...event }));
    await this.ports.db.usage.where('at').below(retentionCutoff(now, settings.usageRetentionDays)).delete();
    this.ports.broadcastUsageChanged?.();
  }

  /**
   * The daily alarm (and every worker start): deletes events past the retention, and redacts any event
   * stored before redaction existed. Returns how many events were deleted.
   */
  async pruneUsage(): Promise<number> {
    const days = (await this.getSettings()).usageRetentionDays;
    const deleted = await this.ports.db.usage.where('at').below(retentionCutoff(this.ports.now(), days)).delete();
    await this.ports.db.usage.toCollection().modify((event: UsageLogEvent) => {
      if (event.question) event.question = redactQuestion(event.question);
    });
    return deleted;
  }

  /** "Clear the log": every event goes. */
  async clearUsage(sender: Sender): Promise<void> {
    this.requirePage(sender);
    await this.ports.db.usage.clear();
  }

  /**
   * The whole log, redacted, as NDJSON (one documented event per line, what `kpack report` reads) or CSV
   * with the same columns; every event names `agent` (lib/usage/ndjson.ts, docs/USAGE-LOG.md).
   */
  async exportUsage(sender: Sender, data: { format: 'ndjson' | 'csv'; agent?: string }): Promise<string> {
    this.requirePage(sender);
    const agent =
      String(data.agent ?? '')
        .trim()
        .slice(0, 64) || 'agent';
    const events = await this.ports.db.usage.toArray();
    return data.format === 'csv' ? usageCsv(events, agent) : usageNdjson(events, agent);
  }

  async usageReport(sender: Sender, data: { days: number }): Promise<UsageReport> {
    this.requirePage(sender);
    const now = this.ports.now();
    const days = Math.min(Math.max(1, Math.round(data.days)), USAGE_RETENTION_DAYS);
    const events = await this.ports.db.usage
      .where('at')
      .aboveOrEqual(now - days * DAY)
      .toArray();
    const stored = await this.ports.db.packs.toArray();
    const titles = new Map(stored.flatMap((p) => p.pack.entries.map((e) => [`${p.id}\u0000${e.id}`, e.title])));
    return buildUsageReport(events, (packId, entryId) => titles.get(`${packId}\u0000${entryId}`), now, days);
  }

  /**
   * The team lead's selector overrides for a chat site. The fleet policy never sets them, so they are read without
   * waiting for the managed storage: Chromium answers that only 2–5 s after the browser starts, and the content script
   * watches the chat once it has them — a tab restored at start-up reported its buyer that much later.
   */
  async getSelectorOverrides(data: { platform: string }): Promise<Record<string, string>> {
    return (await this.localSettings()).selectorOverrides[data.platform] ?? {};
  }

  /** The settings in force: the agent's and team lead's, with the fleet policy's on top. */
  async getSettings(): Promise<Settings> {
    return settingsUnderPolicy(await this.localSettings(), (await this.fleetPolicy()).policy);
  }

  private async localSettings(): Promise<Settings> {
    return settingsFrom((await this.ports.db.settings.get('settings'))?.value);
  }

  /** Saves a change; what the fleet policy sets cannot be changed (refused with a message when nothing else is). */
  async saveSettings(sender: Sender, change: Partial<Settings>): Promise<Settings> {
    this.requirePage(sender);
    // Only a change of what the policy can lock waits for the browser's answer (up to MANAGED_READ_MS after a start):
    // anything else (selector overrides, scenarios, the language) is written at once, so a chat opened right after
    // the save reads it; the settings in force are then read under the policy as usual.
    const lockable = touchesLockable(change);
    const { policy } = lockable ? await this.fleetPolicy() : { policy: null };
    const { patch, refused } = unlockedPatch(change, policy);
    if (refused.length > 0 && Object.keys(patch).length === 0)
      throw new NotAllowedError(`${refused.join(', ')}: set by your organisation’s policy`);
    // Read and written in one transaction: two pages saving at once (the panel's scenarios, the options
    // page's language) would otherwise each write back the other's old value.
    const db = this.ports.db;
    const next = await db.transaction('rw', db.settings, async () => {
      const merged = { ...(await this.localSettings()), ...patch };
      await db.settings.put({ key: 'settings', value: merged });
      return merged;
    });
    // Open panels rank with picks or not: they read the switch again with the picks.
    if ('learning' in patch) this.ports.broadcastPicksChanged?.();
    const effective = settingsUnderPolicy(next, lockable ? policy : (await this.fleetPolicy()).policy);
    this.ports.broadcastSettingsChanged?.(effective);
    return effective;
  }

  /**
   * The organisation's fleet policy, read again each time (the worker may have been stopped since). A settings read
   * waits for the browser only briefly when an answer is kept (`KEPT_MANAGED_READ_MS`); `patient`, the full time.
   */
  async fleetPolicy(patient = false): Promise<PolicyReading> {
    const wait = patient ? { keptTimeoutMs: MANAGED_READ_MS } : {};
    return readFleetPolicy(await readManaged(this.ports.loadManagedPolicy, this.ports.db, wait));
  }

  /**
   * Applies the fleet policy (start-up, a change of the managed storage, the hourly check): every policy
   * subscription exists, with the policy's key and review choice. Not a message: only the background calls it.
   */
  applyPolicy(): Promise<string[]> {
    const run = this.policyQueue.then(async () => {
      // Not on anyone's way: it waits for the browser's answer, which settings reads then find kept.
      const { policy } = await this.fleetPolicy(true);
      const ports = { db: this.ports.db, subscribe: (data: SubscribeRequest) => this.subscribe(data) };
      const statusChanged = () => this.ports.broadcastPacksChanged([]);
      return applyPolicySubscriptions({ ...ports, now: () => this.ports.now(), statusChanged }, policy);
    });
    this.policyQueue = run.catch(() => {});
    return run;
  }

  /** The origins the fleet policy turns Huashu on for (lib/background/sites.ts). */
  async policySites(): Promise<string[]> {
    return (await this.fleetPolicy()).policy?.enabledSites ?? [];
  }

  /** The options page's "Set by your organisation" section. */
  async getPolicy(sender: Sender): Promise<PolicyView> {
    this.requirePage(sender);
    return policyView(this.ports.db, await this.fleetPolicy());
  }
}
