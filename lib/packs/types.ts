/** What the background tells extension pages about stored packs and imports. */
import type { PackDiff } from './diff';
import type { LintWarning } from './lint';
import type { PackProblem } from './validate';

/** Where a stored pack came from: shipped with the extension, a file the team lead chose, or a subscribed URL. */
export type PackSource =
  { kind: 'builtin'; file: string } | { kind: 'file'; fileName: string } | { kind: 'url'; url: string };

/** One stored pack as the options page lists it. */
export interface PackSummary {
  id: string;
  name: string;
  version: string;
  locale: string;
  entries: number;
  enabled: boolean;
  source: PackSource;
  importedAt: number;
  warnings: number;
  /** For a pack subscribed by URL: when it was checked and changed, and why the last check failed. */
  sync?: PackSyncStatus;
  /**
   * Subscribed by the organisation's fleet policy (lib/settings/policy.ts): it cannot be removed here;
   * `reviewUpdates`, when the policy sets it, cannot be changed either.
   */
  managed?: { reviewUpdates?: boolean };
}

/** The sync state of a subscribed pack, as the options page shows it. */
interface PackSyncStatus {
  checkedAt: number | null;
  changedAt: number | null;
  /** Null when the last check worked; otherwise the stored version was kept. */
  lastError: string | null;
  /** The last check reached no server: the options page offers to grant access to this origin. */
  accessOrigin?: string;
  /** Updates wait for the team lead's review instead of applying when fetched. */
  reviewUpdates?: boolean;
  /** A fetched update waiting for review (only when `reviewUpdates`). */
  pending?: { version: string; fetchedAt: number };
  /** The team public key the subscription is pinned to: only files signed with it are accepted. */
  publicKey?: string;
}

/** A subscription as asked for: the options page's form, or a policy's entry. */
export interface SubscribeRequest {
  url: string;
  /** The pack id expected at this address (refused when it serves another). */
  expectId?: string;
  /** The team lead confirmed that it may replace a pack with the same id installed from elsewhere. */
  replace?: boolean;
  /**
   * The team's Ed25519 public key (base64 of the raw 32 bytes, as `kpack sign` prints it): the
   * subscription is pinned, and only files signed with it (`PACK.sig` beside them) are accepted.
   */
  publicKey?: string;
}

/** How an import (a file, or a subscribed URL) went: the stored pack, or every problem by its place in the file. */
export type ImportResult =
  | {
      ok: true;
      pack: PackSummary;
      warnings: LintWarning[];
      replaced: string | null;
      /** Set when the file was another tool's export, converted (see lib/packs/importers). */
      converted?: { format: string; notes: string[] };
      /** A pinned subscription: the team public key whose signature of the file was checked. */
      signedBy?: string;
    }
  | {
      ok: false;
      errors: PackProblem[];
      /** A pack URL could not be fetched at all: access to this origin may be missing (see `accessOrigin`). */
      accessOrigin?: string;
      /**
       * The URL serves a pack whose id is already installed from elsewhere (a file, the shipped packs,
       * another URL): subscribing again with `replace` confirms that it takes that pack's place.
       */
      conflict?: { packId: string; name: string };
    };

/**
 * A file or a subscribed URL's update that would replace a stored pack: what it changes, not stored yet.
 * The options page shows it and applies it only when the team lead confirms.
 */
export interface ImportReview {
  review: {
    packId: string;
    name: string;
    /** The stored version, and the one the file or update brings. */
    fromVersion: string;
    toVersion: string;
    /** A chosen file's name, or the subscribed URL. */
    from: string;
    source: 'file' | 'update';
    diff: PackDiff;
    warnings: LintWarning[];
    converted?: { format: string; notes: string[] };
  };
}

/** What `importPack` answers: stored (or refused) as before, or a replacement to review first. */
export type ImportOutcome = ImportResult | ImportReview;

export function isReview(outcome: ImportOutcome): outcome is ImportReview {
  return 'review' in outcome;
}
