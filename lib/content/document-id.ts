/**
 * Which document a frame's reports come from. A reload or navigation keeps the tab and frame ids, and the
 * old document's `pagehide` may reach the background after the new document's first report: a forget that
 * named only the frame removed the live report (Insert then said no chat was open). Each document makes
 * a random id when its content script starts and sends it with every report and with its forget; the
 * background forgets a frame only when the stored report has that id (lib/background/chat-registry.ts).
 */
import type { ConversationReport } from '../chats/types';

/** The messages to the background (`reportConversation`, `forgetFrame`); failures are ignored. */
export interface FramePorts {
  report(report: ConversationReport): Promise<unknown>;
  forget(data: { documentId: string }): Promise<unknown>;
}

export interface FrameReports {
  /** Sends a report tagged with this document's id. */
  report(report: ConversationReport): void;
  /** The document is going away (`pagehide`): the background forgets this document's report. */
  forget(): void;
}

export function frameReports(ports: FramePorts, documentId: string = crypto.randomUUID()): FrameReports {
  return {
    report: (report) => void ports.report({ ...report, documentId }).catch(() => {}),
    forget: () => void ports.forget({ documentId }).catch(() => {}),
  };
}
