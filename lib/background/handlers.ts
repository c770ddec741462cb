/**
 * Which service method answers each message, per channel. The browser's sender is passed on as it is:
 * the service checks it (content scripts may ask, only extension pages may change packs and settings).
 */
import type { onMessage as onContentMessage } from '../messaging/content';
import type { onMessage as onPageMessage } from '../messaging/pages';
import type { BackgroundService, Sender } from './service';

const from = (sender: unknown) => sender as Sender;

/** Registers the background's answer to every message of both channels. */
export function registerHandlers(
  onContent: typeof onContentMessage,
  onPage: typeof onPageMessage,
  service: BackgroundService,
): void {
  onContent('reportConversation', ({ sender, data }) => service.reportConversation(from(sender), data));
  onContent('forgetFrame', ({ sender, data }) => service.frameGone(from(sender), data));
  onContent('listShortcuts', ({ sender }) => service.listShortcuts(from(sender)));
  onContent('expandShortcut', ({ sender, data }) => service.expandShortcut(from(sender), data));
  onContent('getSelectorOverrides', ({ data }) => service.getSelectorOverrides(data));

  onPage('getActiveChat', ({ sender }) => service.getActiveChat(from(sender)));
  onPage('insertReply', ({ sender, data }) => service.insertReply(from(sender), data));
  onPage('listWaitingChats', ({ sender }) => service.listWaitingChats(from(sender)));
  onPage('focusChat', ({ sender, data }) => service.focusChat(from(sender), data));
  onPage('importPack', ({ sender, data }) => service.importPack(from(sender), data));
  onPage('listPacks', ({ sender }) => service.listPacks(from(sender)));
  onPage('setPackEnabled', ({ sender, data }) => service.setPackEnabled(from(sender), data));
  onPage('removePack', ({ sender, data }) => service.removePack(from(sender), data));
  onPage('subscribePack', ({ sender, data }) => service.subscribePack(from(sender), data));
  onPage('syncPacks', ({ sender, data }) => service.syncPacks(from(sender), data));
  onPage('setReviewUpdates', ({ sender, data }) => service.setReviewUpdates(from(sender), data));
  onPage('reviewUpdate', ({ sender, data }) => service.reviewUpdate(from(sender), data));
  onPage('applyUpdate', ({ sender, data }) => service.applyUpdate(from(sender), data));
  onPage('getSettings', () => service.getSettings());
  onPage('getPolicy', ({ sender }) => service.getPolicy(from(sender)));
  onPage('saveSettings', ({ sender, data }) => service.saveSettings(from(sender), data));
  onPage('logUnanswered', ({ sender, data }) => service.logUnanswered(from(sender), data));
  onPage('logSuggested', ({ sender, data }) => service.logSuggested(from(sender), data));
  onPage('logComplaint', ({ sender, data }) => service.logComplaint(from(sender), data));
  onPage('usageReport', ({ sender, data }) => service.usageReport(from(sender), data));
  onPage('clearUsage', ({ sender }) => service.clearUsage(from(sender)));
  onPage('exportUsage', ({ sender, data }) => service.exportUsage(from(sender), data));
  onPage('recordPick', ({ sender, data }) => service.recordPick(from(sender), data));
  onPage('forgetPicks', ({ sender }) => service.forgetPicks(from(sender)));
  onPage('exportPicks', ({ sender }) => service.exportPicks(from(sender)));
}
