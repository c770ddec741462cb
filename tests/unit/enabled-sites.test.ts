/** "Turn Huashu on for this site": origins, registrations, who may ask (lib/background/sites.ts). */
import { describe, expect, it, vi } from 'vitest';
import { packSchema } from '../../lib/packs/schema';
import { originPattern, siteOrigin } from '../../lib/settings/sites';
import {
  SiteService,
  syncSiteScripts,
  type RegisteredSiteScript,
  type SiteServicePorts,
} from '../../lib/background/sites';

function fakes(granted: string[] = ['https://desk.example.com/*']) {
  const registered = new Map<string, RegisteredSiteScript>();
  let origins: string[] = [];
  const ports: SiteServicePorts = {
    scripting: {
      registerContentScripts: vi.fn(async (scripts: RegisteredSiteScript[]) => {
        for (const s of scripts) registered.set(s.id, s);
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        for (const id of ids) registered.delete(id);
      }),
      getRegisteredContentScripts: async () => [...registered.values()],
    },
    hasAccess: async (patterns) => patterns.every((p) => granted.includes(p)),
    loadOrigins: async () => origins,
    saveOrigins: async (next) => {
      origins = next;
    },
    isExtensionPage: (sender) => sender === 'page',
  };
  return { ports, registered, origins: () => origins };
}

describe('site origins', () => {
  it('takes the origin of a URL or of what the agent typed, http(s) only', () => {
    expect(siteOrigin('https://desk.example.com/agent/tickets/12?x=1')).toBe('https://desk.example.com');
    expect(siteOrigin('desk.example.com')).toBe('https://desk.example.com');
    expect(siteOrigin('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
    expect(siteOrigin('chrome://extensions')).toBeNull();
    expect(siteOrigin('https://user:pw@x.com')).toBeNull();
    expect(originPattern('http://127.0.0.1:8080')).toBe('http://127.0.0.1/*');
  });
});

describe('SiteService', () => {
  it('turns a granted site on: remembered, content script registered for that origin only', async () => {
    const { ports, registered, origins } = fakes();
    const sites = new SiteService(ports);
    const result = await sites.enable('page', { origin: 'https://desk.example.com/tickets/1' });
    expect(result).toEqual({ ok: true, origins: ['https://desk.example.com'] });
    expect(origins()).toEqual(['https://desk.example.com']);
    const [script] = [...registered.values()];
    expect(script).toMatchObject({
      matches: ['https://desk.example.com/*'],
      js: ['content-scripts/site.js'],
      allFrames: true,
    });
    // Again: nothing registered twice.
    await sites.enable('page', { origin: 'https://desk.example.com' });
    expect(registered.size).toBe(1);
    await sites.disable('page', { origin: 'https://desk.example.com' });
    expect(registered.size).toBe(0);
    expect(origins()).toEqual([]);
  });

  it('refuses a site the browser gave no access to, and callers that are not extension pages', async () => {
    const { ports, registered } = fakes([]);
    const sites = new SiteService(ports);
    const result = await sites.enable('page', { origin: 'https://other.example.com' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('did not grant access');
    expect(registered.size).toBe(0);
    await expect(sites.enable('content-script', { origin: 'https://desk.example.com' })).rejects.toThrow();
  });

  it('keeps the always-on patterns (the test build) and drops registrations whose access was withdrawn', async () => {
    const { ports, registered } = fakes(['https://desk.example.com/*']);
    await syncSiteScripts(ports, ['https://desk.example.com', 'https://gone.example.com'], ['http://127.0.0.1/*']);
    expect([...registered.values()].map((s) => s.matches)).toEqual([
      ['https://desk.example.com/*'],
      ['http://127.0.0.1/*'],
    ]);
  });

  it('suggests the sites the team lead listed in a pack that are not on yet', async () => {
    const { ports } = fakes();
    ports.packSites = async () => ['https://desk.example.com', 'https://mail.example.com', 'https://mail.example.com'];
    const sites = new SiteService(ports);
    await sites.enable('page', { origin: 'https://desk.example.com' });
    expect(await sites.suggested('page')).toEqual(['https://mail.example.com']);
  });
});

describe('a pack lists sites', () => {
  const base = { format: 'huashu-pack/1', id: 'p', name: 'P', version: '1.0.0', entries: [] };
  it('as origins only', () => {
    expect(packSchema.parse({ ...base, sites: ['https://support.example.com'] }).sites).toEqual([
      'https://support.example.com',
    ]);
    expect(packSchema.parse(base).sites).toEqual([]);
    expect(packSchema.safeParse({ ...base, sites: ['https://support.example.com/tickets'] }).success).toBe(false);
  });
});
