/**
 * Applying the organisation's fleet policy (lib/settings/policy.ts) in the background: every policy
 * subscription exists (subscribed through the service's one subscribe path), carries the policy's key
 * and review choice, and a failure is kept to show until the next try. Runs at start-up, when the
 * managed storage changes and at the hourly sync, without anyone clicking.
 */
import type { HuashuDb, StoredSubscription } from '../db/schema';
import type { ImportResult, PackSummary, SubscribeRequest } from '../packs/types';
import {
  lockedSettings,
  policySubscriptionOf,
  type FleetPolicy,
  type PolicyReading,
  type PolicySubscription,
  type PolicyView,
} from '../settings/policy';
import { describeRefusedPack } from '../sync/status';

/** The settings row that keeps why policy subscriptions failed, by URL. */
const STATUS_KEY = 'policyStatus';

type PolicyStatus = Record<string, { error: string; at: number }>;

const LAST_MANAGED_KEY = 'lastManagedPolicy';

/**
 * How long a read of the managed storage may take. Chromium sometimes leaves `storage.managed.get()` pending
 * for seconds in a worker that has just started (seen in the generic-page e2e on a loaded machine), and every
 * settings read waits for the policy: an insert then hung.
 */
export const MANAGED_READ_MS = 2_000;

/**
 * How long a read waits for the browser when an earlier answer is kept. Chromium answers nothing until its policy
 * service has loaded, 2–5 s after the browser starts on the test machine: with the full wait, a shortcut typed right
 * after a restart expanded 2 s late (`expandShortcut` reads the settings). The kept answer is what the full wait falls
 * back to anyway; the start-up and hourly application of the policy (`applyPolicy`) still waits the full time. Until
 * the forty-first session an answer that came after the wait was dropped, so with a page reading settings at start-up
 * none was ever kept.
 */
export const KEPT_MANAGED_READ_MS = 150;

/**
 * The managed storage's object: a browser that has no policy may reject instead of answering `{}` (→ null).
 * An answer is kept in `db` whenever it comes; when the browser does not answer within `timeoutMs` (with an answer
 * kept, `keptTimeoutMs`), the last answer kept stands in — never "no policy", which would unlock what the
 * organisation locked.
 */
export async function readManaged(
  load: (() => Promise<unknown>) | undefined,
  db?: HuashuDb,
  {
    timeoutMs = MANAGED_READ_MS,
    keptTimeoutMs = KEPT_MANAGED_READ_MS,
  }: { timeoutMs?: number; keptTimeoutMs?: number } = {},
): Promise<unknown> {
  if (!load) return null;
  const kept = db ? await db.settings.get(LAST_MANAGED_KEY) : undefined;
  const answered = load().then(
    (value) => value ?? null,
    () => null,
  );
  // Kept even when it comes after the wait: the next read has it.
  const keptToo = db ? answered.then((answer) => keepAnswer(db, answer).then(() => answer)) : answered;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = Symbol('late');
  const answer = await Promise.race([
    keptToo,
    new Promise<typeof late>((resolve) => (timer = setTimeout(() => resolve(late), kept ? keptTimeoutMs : timeoutMs))),
  ]);
  clearTimeout(timer);
  if (answer === late) {
    void keptToo.catch(() => {});
    return kept?.value ?? null;
  }
  return answer;
}

/** Every settings read reads the policy: the answer is written only when it changed, without reading it back. */
async function keepAnswer(db: HuashuDb, answer: unknown): Promise<void> {
  const json = JSON.stringify(answer);
  if (keptAnswer.get(db) === json) return;
  await db.settings.put({ key: LAST_MANAGED_KEY, value: answer });
  keptAnswer.set(db, json);
}

/** Per database, the answer last kept there (as JSON), since this worker started. */
const keptAnswer = new WeakMap<HuashuDb, string>();

/** What subscribing needs: the service's subscribe path (fetch, import, store) and the clock. */
export interface PolicyApplyPorts {
  db: HuashuDb;
  subscribe(data: SubscribeRequest): Promise<ImportResult>;
  now(): number;
  /** What the policy section shows changed (a subscription failed, or works again): pages reload it. */
  statusChanged(): void;
}

/** The stored subscription with the policy's key and review choice, or null when it already has them. */
function underPolicy(subscription: StoredSubscription, wanted: PolicySubscription): StoredSubscription | null {
  const next: StoredSubscription = { ...subscription };
  if (wanted.publicKey !== undefined) next.publicKey = wanted.publicKey;
  if (wanted.reviewUpdates !== undefined) next.reviewUpdates = wanted.reviewUpdates;
  // Updates that apply at once have nothing waiting (as `setReviewUpdates` does).
  if (!next.reviewUpdates) delete next.pending;
  const same =
    next.publicKey === subscription.publicKey &&
    (next.reviewUpdates ?? false) === (subscription.reviewUpdates ?? false) &&
    next.pending === subscription.pending;
  return same ? null : next;
}

/**
 * Makes every policy subscription exist and match the policy. Returns the ids of packs that were
 * subscribed now. A subscription the policy no longer lists stays, no longer locked (the team lead may
 * remove it).
 */
export async function applyPolicySubscriptions(ports: PolicyApplyPorts, policy: FleetPolicy | null): Promise<string[]> {
  const { db } = ports;
  const status: PolicyStatus = {};
  const added: string[] = [];
  for (const wanted of policy?.subscriptions ?? []) {
    const existing = await db.subscriptions.filter((s) => s.url === wanted.url).first();
    if (existing) {
      const next = underPolicy(existing, wanted);
      if (next) await db.subscriptions.put(next);
      continue;
    }
    // The policy wins over a pack of the same id installed from elsewhere (`replace`).
    const result = await ports.subscribe({
      url: wanted.url,
      replace: true,
      ...(wanted.expectId ? { expectId: wanted.expectId } : {}),
      ...(wanted.publicKey ? { publicKey: wanted.publicKey } : {}),
    });
    if (!result.ok) {
      status[wanted.url] = {
        error: describeRefusedPack(result.errors).replace(/^the file was refused: /, ''),
        at: ports.now(),
      };
      continue;
    }
    const stored = await db.subscriptions.get(result.pack.id);
    const next = stored && underPolicy(stored, wanted);
    if (next) await db.subscriptions.put(next);
    added.push(result.pack.id);
  }
  const before = ((await db.settings.get(STATUS_KEY))?.value ?? {}) as PolicyStatus;
  await db.settings.put({ key: STATUS_KEY, value: status });
  const errors = (s: PolicyStatus) => JSON.stringify(Object.entries(s).map(([url, { error }]) => [url, error]));
  if (errors(before) !== errors(status)) ports.statusChanged();
  return added;
}

/** The options page's view: the policy, what was ignored, each subscription's pack or error, what is locked. */
export async function policyView(db: HuashuDb, reading: PolicyReading): Promise<PolicyView> {
  const { policy, problems } = reading;
  const status = ((await db.settings.get(STATUS_KEY))?.value ?? {}) as PolicyStatus;
  const subscriptions = await db.subscriptions.toArray();
  return {
    policy,
    problems,
    locked: lockedSettings(policy),
    subscriptions: (policy?.subscriptions ?? []).map((wanted) => {
      const packId = subscriptions.find((s) => s.url === wanted.url)?.packId;
      const error = packId ? undefined : (status[wanted.url]?.error ?? 'not subscribed yet');
      return { ...wanted, ...(packId ? { packId } : {}), ...(error ? { error } : {}) };
    }),
  };
}

/** The pack list with the policy's subscriptions marked (no Remove; a locked review switch). */
export function markManaged(packs: PackSummary[], policy: FleetPolicy | null): PackSummary[] {
  if (!policy || policy.subscriptions.length === 0) return packs;
  return packs.map((pack) => {
    const wanted = pack.source.kind === 'url' ? policySubscriptionOf(policy, pack.source.url) : undefined;
    if (!wanted) return pack;
    return { ...pack, managed: wanted.reviewUpdates === undefined ? {} : { reviewUpdates: wanted.reviewUpdates } };
  });
}

/** The part of `browser.storage.onChanged` this needs. */
interface StorageChanges {
  addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
}

/**
 * Applies the policy now and again whenever IT changes it (the managed area of `storage.onChanged`),
 * then `after` (sites re-registered; on a change, pages told: a worker start changes nothing they show,
 * and MV3 workers start often).
 */
export function watchPolicy(
  onChanged: StorageChanges,
  target: { applyPolicy(): Promise<unknown> },
  after: (changed: boolean) => unknown,
): void {
  const run = (changed: boolean) =>
    void target
      .applyPolicy()
      .then(
        () => after(changed),
        () => after(changed),
      )
      .catch(console.error);
  onChanged.addListener((_changes, areaName) => {
    if (areaName === 'managed') run(true);
  });
  run(false);
}
