// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { jdAdapter } from '../../lib/adapters/jd/adapter';
import {
  activeChat,
  EMPTY_REGISTRY,
  forgetFrame,
  recordReport,
  type ChatRegistry,
} from '../../lib/background/chat-registry';
import { startChat } from '../../lib/content/chat-session';
import { frameReports } from '../../lib/content/document-id';

const page = () =>
  new JSDOM(readFileSync(join(process.cwd(), 'tests/fixtures/sites/jd/history.html'), 'utf8'), {
    url: 'https://dongdong.jd.com/',
  }).window.document;

describe('a chat tab reloaded', () => {
  it('keeps its chat when the new page is read for a shortcut before it reported, after the old page forgot', async () => {
    // The order pages.e2e showed in its failing runs (tab 7, main frame 0): the old document reports, the
    // reload's pagehide forgets it, then the agent's first Tab reads the new document before its first report.
    let registry: ChatRegistry = EMPTY_REGISTRY;
    let now = 0;
    const background = {
      report: async (data: Parameters<typeof recordReport>[3]) => {
        registry = recordReport(registry, 7, 0, data, (now += 1), false);
      },
      forget: async ({ documentId }: { documentId: string }) => {
        registry = forgetFrame(registry, 7, 0, documentId);
      },
    };
    const ports = (frame: ReturnType<typeof frameReports>) => ({
      getSelectorOverrides: async () => ({}),
      report: frame.report,
      listShortcuts: async () => [],
      expandShortcut: async () => null,
    });

    const oldFrame = frameReports(background, 'old');
    const oldChat = startChat({ root: page(), adapter: jdAdapter, focused: () => null, ports: ports(oldFrame) });
    await vi.waitFor(() => expect(registry.reports['7:0']?.documentId).toBe('old'));
    oldChat.stop();
    oldFrame.forget();
    await Promise.resolve();
    expect(activeChat(registry)).toBeNull();

    const newChat = startChat({
      root: page(),
      adapter: jdAdapter,
      focused: () => null,
      ports: ports(frameReports(background, 'new')),
    });
    // The session is up (its overrides arrived) and the shortcut reads the pane: the same read as the
    // expansion's (chat-session.ts), before the watcher's first debounced report.
    await vi.waitFor(() => expect(newChat.readNow()?.conversation?.buyerName).toBe('jd_小王'), { interval: 5 });
    expect(activeChat(registry)).toBeNull();
    await vi.waitFor(() => expect(activeChat(registry)?.documentId).toBe('new'), { timeout: 2000 });
    newChat.stop();
  });
});
