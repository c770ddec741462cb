/**
 * "Turn Huashu on for this site": agents work in help desks and web chats Huashu has no adapter for
 * (Zendesk, Gorgias, Freshdesk, Chatwoot, Intercom, web mail). The panel or the options page asks the
 * browser for access to that one origin (an optional host permission, requested by the page in the
 * agent's click); the background then registers the enabled-site content script for it (the generic
 * adapter, shortcuts). Pure logic with the extension APIs passed in.
 */
import { loadEnabledPackList } from '../db/packs';
import type { HuashuDb } from '../db/schema';
import type { onMessage as onPageMessage } from '../messaging/pages';
import { settingsFrom } from '../settings';
import { originPattern, siteOrigin, type SiteResult } from '../settings/sites';
import { isExtensionPage, type Sender } from './service';

/** The subset of `browser.scripting` this needs. */
export interface ScriptingPort {
  registerContentScripts(scripts: RegisteredSiteScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
}

export interface SitePorts {
  scripting: ScriptingPort;
  /** Whether the browser granted access to these origins (`permissions.contains`). */
  hasAccess(origins: string[]): Promise<boolean>;
}

export interface RegisteredSiteScript {
  id: string;
  matches: string[];
  js: string[];
  allFrames: boolean;
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** The built enabled-site content script (entrypoints/site.content.ts, registered at run time). */
export const SITE_SCRIPT_FILE = 'content-scripts/site.js';
const ID_PREFIX = 'huashu-site:';

/** The registration of the enabled-site script for some match patterns (id from the first). */
export function siteScript(patterns: string[]): RegisteredSiteScript {
  return {
    id: `${ID_PREFIX}${patterns[0]}`,
    matches: patterns,
    js: [SITE_SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/**
 * Brings the registered scripts in line with the enabled origins: registers the missing ones (only where
 * the browser granted access: without it a registration would fail or do nothing), unregisters the rest.
 * Returns the origins that are on.
 */
export async function syncSiteScripts(
  ports: SitePorts,
  origins: string[],
  extraPatterns: string[] = [],
): Promise<string[]> {
  const wanted = new Map<string, RegisteredSiteScript>();
  const on: string[] = [];
  for (const origin of origins) {
    const pattern = originPattern(origin);
    if (!(await ports.hasAccess([pattern]).catch(() => false))) continue;
    const script = siteScript([pattern]);
    wanted.set(script.id, script);
    on.push(origin);
  }
  if (extraPatterns.length > 0) {
    const script = siteScript(extraPatterns);
    wanted.set(script.id, script);
  }
  const registered = (await ports.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
  const stale = registered.filter((s) => !wanted.has(s.id)).map((s) => s.id);
  if (stale.length > 0) await ports.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(registered.map((s) => s.id));
  const missing = [...wanted.values()].filter((s) => !have.has(s.id));
  if (missing.length > 0) await ports.scripting.registerContentScripts(missing);
  return on;
}

export interface SiteServicePorts extends SitePorts {
  /** The origins enabled so far (kept in the settings). */
  loadOrigins(): Promise<string[]>;
  saveOrigins(origins: string[]): Promise<void>;
  /** Whether a message comes from an extension page (only those may turn sites on or off). */
  isExtensionPage(sender: unknown): boolean;
  /** Patterns always on (the test build: every local page without a chat signature). */
  extraPatterns?: string[];
  /** Origins the enabled packs list (`sites`): the team lead's suggestions, each turned on by an agent's click. */
  packSites?(): Promise<string[]>;
  /**
   * Origins the organisation's fleet policy turns on: on beside the agent's, never turned off here. The
   * browser still asks the agent once for access to each (no policy grants an optional host permission).
   */
  policyOrigins?(): Promise<string[]>;
}

/** The messages behind "Turn Huashu on for this site" and the options page's list. */
export class SiteService {
  constructor(private readonly ports: SiteServicePorts) {}

  private require(sender: unknown): void {
    if (!this.ports.isExtensionPage(sender)) throw new Error('only extension pages may turn sites on or off');
  }

  private async policyOrigins(): Promise<string[]> {
    return (await this.ports.policyOrigins?.().catch(() => [])) ?? [];
  }

  /** The policy's origins, then the agent's. */
  private async origins(): Promise<string[]> {
    return [...new Set([...(await this.policyOrigins()), ...(await this.ports.loadOrigins())])];
  }

  /** Re-registers the scripts (worker start, install): the enabled origins and the always-on patterns. */
  async sync(): Promise<string[]> {
    return syncSiteScripts(this.ports, await this.origins(), this.ports.extraPatterns ?? []);
  }

  async list(sender: unknown): Promise<string[]> {
    this.require(sender);
    return this.origins();
  }

  /**
   * The sites the team's packs list that are not on yet, and the policy's sites the browser has no access
   * to yet (the browser asks the agent for each, in a click).
   */
  async suggested(sender: unknown): Promise<string[]> {
    this.require(sender);
    const on = new Set(await this.ports.loadOrigins());
    const listed = (await this.ports.packSites?.()) ?? [];
    const waiting: string[] = [];
    for (const origin of await this.policyOrigins()) {
      if (!(await this.ports.hasAccess([originPattern(origin)]).catch(() => false))) waiting.push(origin);
      else on.add(origin);
    }
    return [...new Set([...waiting, ...listed].map(siteOrigin).filter((o): o is string => o !== null && !on.has(o)))];
  }

  /** Turns a site on: the page asked the browser for access first, in the agent's click. */
  async enable(sender: unknown, data: { origin: string }): Promise<SiteResult> {
    this.require(sender);
    const origin = siteOrigin(data.origin);
    const current = await this.ports.loadOrigins();
    if (!origin) return { ok: false, origins: current, message: `“${data.origin}” is not a web address.` };
    if (!(await this.ports.hasAccess([originPattern(origin)]).catch(() => false))) {
      return { ok: false, origins: current, message: `The browser did not grant access to ${origin}.` };
    }
    // A policy site is on without being stored (it goes when the policy drops it).
    const policy = await this.policyOrigins();
    if (!policy.includes(origin) && !current.includes(origin)) await this.ports.saveOrigins([...current, origin]);
    await this.sync();
    return { ok: true, origins: await this.origins() };
  }

  async disable(sender: unknown, data: { origin: string }): Promise<SiteResult> {
    this.require(sender);
    const origin = siteOrigin(data.origin) ?? data.origin;
    if ((await this.policyOrigins()).includes(origin)) {
      const message = `${origin} is turned on by your organisation’s policy: it cannot be turned off here.`;
      return { ok: false, origins: await this.origins(), message };
    }
    await this.ports.saveOrigins((await this.ports.loadOrigins()).filter((o) => o !== origin));
    await this.sync();
    return { ok: true, origins: await this.origins() };
  }
}

/** The browser APIs the site service uses (`browser.scripting`, `browser.permissions`). */
export interface SiteApis {
  scripting: ScriptingPort;
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
}

/**
 * The site service's ports from the browser APIs, the settings row and the extension's identity: the
 * enabled origins live in the settings (`enabledSites`), only extension pages may change them.
 */
export function sitePortsOf(
  apis: SiteApis,
  db: HuashuDb,
  extension: { extensionId: string; extensionOrigin: string },
  extraPatterns: string[] = [],
  policyOrigins?: () => Promise<string[]>,
): SiteServicePorts {
  const load = async () => settingsFrom((await db.settings.get('settings'))?.value);
  return {
    scripting: apis.scripting,
    hasAccess: (origins) => apis.permissions.contains({ origins }),
    loadOrigins: async () => (await load()).enabledSites ?? [],
    saveOrigins: async (enabledSites) => {
      await db.settings.put({ key: 'settings', value: { ...(await load()), enabledSites } });
    },
    isExtensionPage: (sender) => isExtensionPage(sender as Sender, extension),
    extraPatterns,
    packSites: async () => (await loadEnabledPackList(db)).flatMap((pack) => pack.sites),
    ...(policyOrigins ? { policyOrigins } : {}),
  };
}

/** The answers to the panel's and options page's site messages. */
export function registerSiteHandlers(onPage: typeof onPageMessage, sites: SiteService): void {
  onPage('enableSite', ({ sender, data }) => sites.enable(sender, data));
  onPage('disableSite', ({ sender, data }) => sites.disable(sender, data));
  onPage('listSites', ({ sender }) => sites.list(sender));
  onPage('listPackSites', ({ sender }) => sites.suggested(sender));
}

/**
 * The site service wired to the browser and the settings, its messages answered; `sync` it at start.
 * `extraPatterns`: always on (the test build passes the local pages: each one without a chat signature
 * counts as a site the agent turned on).
 */
export function startSites(
  apis: SiteApis,
  db: HuashuDb,
  extension: { extensionId: string; extensionOrigin: string },
  onPage: typeof onPageMessage,
  extraPatterns: string[] = [],
  policyOrigins?: () => Promise<string[]>,
): SiteService {
  const sites = new SiteService(sitePortsOf(apis, db, extension, extraPatterns, policyOrigins));
  registerSiteHandlers(onPage, sites);
  return sites;
}
