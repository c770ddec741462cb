/**
 * Opening Huashu's panel: Chrome has `chrome.sidePanel` (which webextension-polyfill's `browser` does
 * not wrap), Firefox the sidebar (`browser.sidebarAction`). The entrypoint hands both objects in.
 */

/** The panel APIs a browser may have. */
interface PanelApis {
  /** Chrome's `chrome.sidePanel`. */
  sidePanel?: {
    setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void>;
    open(options: { tabId: number }): Promise<void>;
  };
  /** Firefox's `browser.sidebarAction`. */
  sidebarAction?: { open(): Promise<void> };
}

/** The panel APIs found on the `chrome` and `browser` objects (either may lack them, or be missing). */
export function panelApisOf(chrome: unknown, browser: unknown): PanelApis {
  const sidePanel = (chrome as PanelApis | undefined)?.sidePanel;
  const sidebarAction = (browser as PanelApis | undefined)?.sidebarAction;
  return { ...(sidePanel ? { sidePanel } : {}), ...(sidebarAction ? { sidebarAction } : {}) };
}

/** Chrome: the toolbar button opens the side panel (Firefox's sidebar_action has its own button). */
export function openPanelOnActionClick(apis: PanelApis): void {
  void apis.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
}

/** Opens the panel beside `tabId`. Must run within the user's click, before any await. */
export function openPanel(apis: PanelApis, tabId: number): void {
  if (apis.sidePanel) void apis.sidePanel.open({ tabId }).catch(() => {});
  else void apis.sidebarAction?.open().catch(() => {});
}

/** The tab and window APIs `focusTab` uses (a part of `browser`). */
interface TabFocusApis {
  tabs: { update(tabId: number, props: { active: boolean }): Promise<{ windowId?: number } | undefined> };
  windows: { update(windowId: number, props: { focused: boolean }): Promise<unknown> };
}

/** Brings a chat tab to the front: active in its window, and that window focused. */
export async function focusTab(apis: TabFocusApis, tabId: number): Promise<void> {
  const tab = await apis.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await apis.windows.update(tab.windowId, { focused: true });
}
