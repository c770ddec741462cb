/**
 * Pack storage: import (validate, lint, write — a broken file changes nothing), list, enable, remove,
 * and seeding of the shipped packs. Functions take the database so tests pass an in-memory one.
 */
import { detectFormat, importPack, packNameFromFile } from '../importers';
import type { ImportResult, PackSource, PackSummary, SheetOrigin } from '../messaging/protocol';
import { lintPack } from '../packs/lint';
import type { Pack } from '../packs/schema';
import { parsePack } from '../packs/validate';
import { buildSegment, packFingerprint, rememberFingerprint } from '../suggest/index/segment';
import { fileNameOfUrl, type SyncState } from '../sync/subscriptions';
import type { HuashuDb, StoredPack, StoredSubscription } from './schema';

export function summarize(stored: StoredPack, subscription?: StoredSubscription): PackSummary {
  return {
    id: stored.id,
    name: stored.pack.name,
    version: stored.pack.version,
    locale: stored.pack.locale,
    entries: stored.pack.entries.length,
    enabled: stored.enabled,
    source: stored.source,
    importedAt: stored.importedAt,
    warnings: stored.warnings,
    ...(subscription
      ? {
          sync: {
            checkedAt: subscription.checkedAt,
            changedAt: subscription.changedAt,
            lastError: subscription.lastError,
            ...(subscription.accessOrigin ? { accessOrigin: subscription.accessOrigin } : {}),
          },
        }
      : {}),
  };
}

export async function listPacks(db: HuashuDb): Promise<PackSummary[]> {
  const all = await db.packs.orderBy('importedAt').toArray();
  const subscriptions = new Map((await db.subscriptions.toArray()).map((s) => [s.packId, s]));
  return all.map((p) => summarize(p, subscriptions.get(p.id)));
}

export interface ImportOptions {
  /** The pack must have this id (a subscribed URL must keep serving the pack it was subscribed for). */
  expectId?: string;
  /** For a URL source: the validators and hash of the body, remembered for the next check. */
  sync?: SyncState;
  /** The text is the CSV of an Excel sheet (`readImportFile`): read as the `xlsx` format. */
  sheet?: SheetOrigin;
}

/**
 * Validates and stores a pack file's text — a Huashu pack, or another tool's export (espanso, Zendesk,
 * 千牛 CSV, …) converted on the way. On any error nothing already stored is touched.
 */
export async function importPackText(
  db: HuashuDb,
  text: string,
  source: PackSource,
  now = Date.now(),
  options: ImportOptions = {},
): Promise<ImportResult> {
  const fileName = source.kind === 'file' ? source.fileName : source.kind === 'url' ? fileNameOfUrl(source.url) : '';
  const format = options.sheet ? 'xlsx' : detectFormat(fileName, text);
  let pack: Pack;
  let raw: unknown;
  let converted: { format: string; notes: string[] } | undefined;
  if (format && format !== 'huashu') {
    // Another tool's export: convert it, then store it like any pack.
    const imported = importPack(format, text, {
      ...packNameFromFile(fileName),
      ...(options.sheet?.headerRow ? { headerRow: options.sheet.headerRow } : {}),
    });
    if (!imported.ok) return { ok: false, errors: imported.errors.map((message) => ({ path: '', message })) };
    ({ pack, source: raw } = imported);
    converted = {
      format,
      notes: [
        ...imported.skipped.map((n) => `skipped ${n.where}: ${n.message}`),
        ...imported.warnings.map((n) => `check ${n.where}: ${n.message}`),
      ],
    };
  } else {
    const parsed = parsePack(text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    ({ pack, raw } = parsed);
  }
  if (options.expectId !== undefined && pack.id !== options.expectId) {
    return {
      ok: false,
      errors: [
        { path: 'id', message: `is “${pack.id}”, but this address was subscribed for pack “${options.expectId}”` },
      ],
    };
  }
  const warnings = lintPack(pack, raw);
  const stored = await storePack(db, pack, source, warnings.length, now, options.sync);
  return {
    ok: true,
    pack: summarize(stored.pack),
    warnings,
    replaced: stored.replaced,
    ...(converted ? { converted } : {}),
  };
}

async function storePack(
  db: HuashuDb,
  pack: Pack,
  source: PackSource,
  warnings: number,
  now: number,
  sync: SyncState = {},
): Promise<{ pack: StoredPack; replaced: string | null }> {
  // Index outside the transaction: IndexedDB transactions close when they wait on anything else.
  const segment = buildSegment(pack);
  return db.transaction('rw', db.packs, db.segments, db.subscriptions, async () => {
    const previous = await db.packs.get(pack.id);
    const stored: StoredPack = {
      id: pack.id,
      pack,
      source,
      importedAt: now,
      enabled: previous?.enabled ?? true,
      warnings,
      fingerprint: segment.fingerprint,
    };
    await db.packs.put(stored);
    await db.segments.put({ packId: pack.id, fingerprint: segment.fingerprint, segment });
    // A pack from a URL is kept in step with it; one from a file or shipped is no longer subscribed.
    if (source.kind === 'url') {
      await db.subscriptions.put({
        packId: pack.id,
        url: source.url,
        ...sync,
        checkedAt: now,
        changedAt: now,
        lastError: null,
        failures: 0,
      });
    } else {
      await db.subscriptions.delete(pack.id);
    }
    return { pack: stored, replaced: previous ? previous.pack.version : null };
  });
}

export async function setPackEnabled(db: HuashuDb, id: string, enabled: boolean): Promise<void> {
  await db.packs.update(id, { enabled });
}

/** Removes a pack, its index and its subscription (removing a subscribed pack is unsubscribing). */
export async function removePack(db: HuashuDb, id: string): Promise<void> {
  await db.transaction('rw', db.packs, db.segments, db.subscriptions, async () => {
    await db.packs.delete(id);
    await db.segments.delete(id);
    await db.subscriptions.delete(id);
  });
}

/** The enabled packs' records, in import order. */
async function enabledRecords(db: HuashuDb): Promise<StoredPack[]> {
  return (await db.packs.orderBy('importedAt').toArray()).filter((p) => p.enabled);
}

/** The enabled packs, in import order (what suggestions and shortcuts use). */
export async function loadEnabledPackList(db: HuashuDb): Promise<Pack[]> {
  return (await enabledRecords(db)).map((p) => p.pack);
}

/** Enabled packs with their cached index segments (segments of changed packs are dropped). */
export async function loadEnabledPacks(
  db: HuashuDb,
): Promise<{ packs: Pack[]; segments: import('../suggest/index/segment').Segment[] }> {
  const stored = await enabledRecords(db);
  const segments = await db.segments.bulkGet(stored.map((p) => p.id));
  // The fingerprint kept at import spares hashing every pack again on every panel open.
  for (const p of stored) if (p.fingerprint) rememberFingerprint(p.pack, p.fingerprint);
  return {
    packs: stored.map((p) => p.pack),
    segments: segments.filter((s, i) => s && s.fingerprint === packFingerprint(stored[i]!.pack)).map((s) => s!.segment),
  };
}

/**
 * Puts the shipped packs in the database: a shipped pack is added when missing and updated when the
 * stored copy is an older shipped one; a pack the team lead imported under the same id is left alone.
 */
export async function seedBuiltinPacks(
  db: HuashuDb,
  builtins: Array<{ file: string; pack: Pack }>,
  now = Date.now(),
): Promise<string[]> {
  const changed: string[] = [];
  for (const { file, pack } of builtins) {
    const existing = await db.packs.get(pack.id);
    if (existing && (existing.source.kind !== 'builtin' || existing.pack.version === pack.version)) continue;
    await storePack(db, pack, { kind: 'builtin', file }, lintPack(pack).length, now);
    changed.push(pack.id);
  }
  return changed;
}
