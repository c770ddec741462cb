/**
 * The background's side of an import: the pure pipeline (lib/packs/import.ts) makes the pack, then its
 * index segment is built and the database stores both. A broken file changes nothing.
 */
import { reindexStalePacks, storePack, summarize } from '../db/packs';
import type { HuashuDb } from '../db/schema';
import { diffPacks, isEmptyDiff } from '../packs/diff';
import { packFromText, type PackImportOptions, type PackText } from '../packs/import';
import { lintPack } from '../packs/lint';
import type { Pack } from '../packs/schema';
import type { ImportResult, ImportReview, PackSource } from '../packs/types';
import { buildStoredSegment, SEGMENT_FORMAT } from '../suggest/index/segment';
import { fileNameOfUrl, type SyncState } from '../sync/pack-fetch';
import { prunePicks } from './picks';

function describeSource(source: PackSource): string {
  if (source.kind === 'file') return `imported from ${source.fileName}`;
  if (source.kind === 'url') return `subscribed to ${source.url}`;
  return 'shipped with Huashu';
}

/** The file name that names a converted pack and hints at its format. */
function fileNameOf(source: PackSource): string {
  return source.kind === 'file' ? source.fileName : source.kind === 'url' ? fileNameOfUrl(source.url) : '';
}

/**
 * Imports a file's text (a Huashu pack, or another tool's export converted on the way) and stores it.
 * On any error nothing already stored is touched.
 */
export async function importPackText(
  db: HuashuDb,
  file: PackText,
  source: PackSource,
  now = Date.now(),
  options: PackImportOptions & {
    sync?: SyncState;
    /** A sync's update: stored only while the pack is still subscribed to its URL (see `storePack`). */
    onlyIfSubscribedTo?: string;
    /** A new subscription: whether it may take the place of a pack with the same id from elsewhere. */
    mayReplace?: boolean;
    /** A new subscription: the team key it pins (null: none); absent, an update keeps the pinned key. */
    publicKey?: string | null;
  } = {},
): Promise<ImportResult> {
  const imported = packFromText(file, fileNameOf(source), options);
  if (!imported.ok) return imported;
  const { pack, warnings, converted } = imported;
  if (options.mayReplace === false && source.kind === 'url') {
    // A URL may not silently take over a pack the team lead installed from a file or another address.
    const existing = await db.packs.get(pack.id);
    if (existing && !(existing.source.kind === 'url' && existing.source.url === source.url)) {
      return {
        ok: false,
        errors: [
          {
            path: 'id',
            message: `“${pack.id}” is already installed (“${existing.pack.name}”, ${describeSource(existing.source)}): subscribing would replace it`,
          },
        ],
        conflict: { packId: pack.id, name: existing.pack.name },
      };
    }
  }
  const stored = await storePack(db, {
    pack,
    // Built before the transaction: IndexedDB transactions close when they wait on anything else.
    segment: buildStoredSegment(pack),
    source,
    warnings: warnings.length,
    now,
    ...(options.sync ? { sync: options.sync } : {}),
    ...(options.onlyIfSubscribedTo !== undefined ? { onlyIfSubscribedTo: options.onlyIfSubscribedTo } : {}),
    ...(options.publicKey !== undefined ? { publicKey: options.publicKey } : {}),
  });
  if (!stored) return { ok: false, errors: [{ path: '', message: 'the pack was removed during the check' }] };
  return {
    ok: true,
    pack: summarize(stored.pack),
    warnings,
    replaced: stored.replaced,
    ...(converted ? { converted } : {}),
  };
}

/**
 * Runs the import pipeline without storing anything: when the file would replace a stored pack (and
 * change it), what it changes, for the team lead to confirm; null when it is a new pack (or the same
 * one again), to import as it is; the problems when it cannot be imported at all.
 */
export async function reviewPackText(
  db: HuashuDb,
  file: PackText,
  source: PackSource,
  options: PackImportOptions = {},
): Promise<ImportReview | Extract<ImportResult, { ok: false }> | null> {
  const imported = packFromText(file, fileNameOf(source), options);
  if (!imported.ok) return imported;
  const stored = await db.packs.get(imported.pack.id);
  if (!stored) return null;
  const diff = diffPacks(stored.pack, imported.pack);
  if (isEmptyDiff(diff) && stored.pack.version === imported.pack.version) return null;
  return {
    review: {
      packId: imported.pack.id,
      name: imported.pack.name,
      fromVersion: stored.pack.version,
      toVersion: imported.pack.version,
      from: source.kind === 'url' ? source.url : fileNameOf(source),
      source: source.kind === 'url' ? 'update' : 'file',
      diff,
      warnings: imported.warnings,
      ...(imported.converted ? { converted: imported.converted } : {}),
    },
  };
}

/** The settings row naming the index format every stored index was last checked against. */
const INDEX_FORMAT_KEY = 'indexFormat';

/**
 * Stores the index again of every pack whose stored index an update of the extension left in an older format (or that
 * has none), so a panel opened later reads it instead of building it. Run at every worker start, after the shipped
 * packs, but it reads the packs only when this build's format is new to the database: an MV3 worker starts often, and
 * reading every stored index each time (29 MB for a 50,000-entry pack) would be work for nothing.
 */
export async function reindexStoredPacks(db: HuashuDb): Promise<string[]> {
  if ((await db.settings.get(INDEX_FORMAT_KEY))?.value === SEGMENT_FORMAT) return [];
  const reindexed = await reindexStalePacks(db, buildStoredSegment);
  await db.settings.put({ key: INDEX_FORMAT_KEY, value: SEGMENT_FORMAT });
  return reindexed;
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
    const segment = buildStoredSegment(pack);
    await storePack(db, { pack, segment, source: { kind: 'builtin', file }, warnings: lintPack(pack).length, now });
    changed.push(pack.id);
  }
  // A new shipped version may have dropped entries agents had picked.
  await prunePicks(db, changed);
  return changed;
}
