/**
 * The context menu "find replies" for any page that is not a chat site: the agent selects the buyer's
 * words and asks for replies. The page reader is injected only then (activeTab), so Huashu needs no
 * access to sites that are not chats.
 */
import { isChatSiteUrl } from '../adapters/registry';
import { resolveLocale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import type { Settings } from '../settings';

export const FIND_REPLIES_MENU: { id: string; title: string; contexts: ['selection'] } = {
  id: 'huashu-find-replies',
  title: translator('en')('menu.findReplies'),
  contexts: ['selection'],
};

/**
 * The menu's title in the UI language the settings choose (the browser's for "auto"): the menu is
 * created, and retitled when the language changes, by the background (`%s` is the selection).
 */
export function findRepliesTitle(settings: Pick<Settings, 'uiLanguage'>, browserLanguage: string): string {
  return translator(resolveLocale(settings.uiLanguage, browserLanguage))('menu.findReplies');
}

/** As much of `browser.contextMenus` as the menu's title needs. */
interface MenuApi {
  create(properties: typeof FIND_REPLIES_MENU): unknown;
  update(id: string, properties: { title: string }): Promise<unknown>;
}

/** Creates the menu (at install) and retitles it (settings saved) in the settings' UI language. */
export function localizedMenu(menus: MenuApi, browserLanguage: () => string) {
  const title = (settings: Pick<Settings, 'uiLanguage'>) => findRepliesTitle(settings, browserLanguage());
  return {
    create: (settings: Settings) => void menus.create({ ...FIND_REPLIES_MENU, title: title(settings) }),
    retitle: (settings: Settings) =>
      void menus.update(FIND_REPLIES_MENU.id, { title: title(settings) }).catch(() => {}),
  };
}

/** The built page reader (entrypoints/generic.content.ts), injected on a menu click, never by the manifest. */
export const SELECTION_READER_FILE = '/content-scripts/generic.js' as const;

/** A menu click as `contextMenus.onClicked` gives it. */
interface MenuClick {
  menuItemId: string | number;
  frameId?: number;
}

/** The tab a menu click happened in. */
interface MenuTab {
  id?: number;
  url?: string;
}

/** The parts of `browser` the menu is wired to. */
export interface ContextMenuApis {
  contextMenus: MenuApi & { onClicked: { addListener(listener: (info: MenuClick, tab?: MenuTab) => void): void } };
  i18n: { getUILanguage(): string };
  scripting: {
    executeScript(injection: {
      target: { tabId: number; frameIds: number[] };
      files: (typeof SELECTION_READER_FILE)[];
    }): Promise<unknown>;
  };
  runtime: { onInstalled: { addListener(listener: () => void): void } };
}

export interface ContextMenu {
  /** The settings were saved: the menu follows their UI language. */
  retitle(settings: Settings): void;
  /** Injects the page reader into one frame of a tab (what a click does; the e2e build calls it directly). */
  readSelectionIn(tabId: number, frameId: number): Promise<boolean>;
}

/**
 * Wires the menu: created at install in the settings' UI language, a click opens the panel (`openPanel`,
 * lib/background/side-panel.ts) and, on a page that is not a chat site, injects the page reader there.
 */
export function startContextMenu(
  apis: ContextMenuApis,
  options: { settings(): Promise<Settings>; openPanel(tabId: number): void },
): ContextMenu {
  const menu = localizedMenu(apis.contextMenus, () => apis.i18n.getUILanguage());
  const readSelectionIn = (tabId: number, frameId: number) =>
    injectSelectionReader(() =>
      apis.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [SELECTION_READER_FILE] }),
    );
  apis.runtime.onInstalled.addListener(() => void options.settings().then(menu.create));
  apis.contextMenus.onClicked.addListener((info, tab) =>
    onMenuClick({ openPanel: options.openPanel, readSelectionIn }, info, tab),
  );
  return { retitle: menu.retitle, readSelectionIn };
}

/** What a menu click needs, passed in by the entrypoint. */
interface ContextMenuPorts {
  /** Opens the panel beside the tab (within the click: the browser allows it only then). */
  openPanel(tabId: number): void;
  /** Injects the page reader into one frame of the tab. */
  readSelectionIn(tabId: number, frameId: number): Promise<boolean>;
}

/** A context menu click: opens the panel and, on a page that is not a chat site, reads the selection there. */
export function onMenuClick(ports: ContextMenuPorts, info: MenuClick, tab: MenuTab | undefined): void {
  if (info.menuItemId !== FIND_REPLIES_MENU.id || tab?.id === undefined) return;
  ports.openPanel(tab.id);
  // Chat sites have their own reader already.
  if (isChatSiteUrl(tab.url ?? '')) return;
  void ports.readSelectionIn(tab.id, info.frameId ?? 0);
}

/**
 * Injects the page reader (entrypoints/generic.content.ts) through `inject` (`scripting.executeScript`
 * into one frame); false when the page refuses it (a browser page, the web store).
 */
export function injectSelectionReader(inject: () => Promise<unknown>): Promise<boolean> {
  return inject()
    .then(() => true)
    .catch((error: unknown) => {
      console.warn('Huashu cannot read this page:', error);
      return false;
    });
}
