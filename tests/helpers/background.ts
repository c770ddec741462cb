/** The background service's ports in memory, for the unit tests that drive the service. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { vi } from 'vitest';
import { EMPTY_REGISTRY } from '../../lib/background/chat-registry';
import type { BackgroundPorts, Sender } from '../../lib/background/service';
import { HuashuDb } from '../../lib/db/schema';

export const EXTENSION_ORIGIN = 'chrome-extension://ext/';
/** The options page, as the browser names it to the background. */
export const optionsPage: Sender = { id: 'ext', url: `${EXTENSION_ORIGIN}options.html` };

let n = 0;

/**
 * Ports with a fresh in-memory database (named `prefix-n`), an empty chat registry and `vi.fn`s for the
 * rest; `overrides` replace any of them.
 */
export function memoryPorts(prefix: string, overrides: Partial<BackgroundPorts> = {}): BackgroundPorts {
  return {
    db: new HuashuDb(`${prefix}-${(n += 1)}`, { indexedDB: new IDBFactory(), IDBKeyRange }),
    extensionId: 'ext',
    extensionOrigin: EXTENSION_ORIGIN,
    loadRegistry: async () => EMPTY_REGISTRY,
    saveRegistry: async () => {},
    sendInsert: vi.fn(),
    broadcastActiveChat: vi.fn(),
    broadcastPacksChanged: vi.fn(),
    fetch: vi.fn(),
    now: () => 0,
    ...overrides,
  };
}
