/**
 * Fleet policy: what an organisation's IT sets for every agent's browser through managed storage
 * (Chrome: enterprise policy `3rdparty.extensions.<id>`, validated against public/managed-schema.json;
 * Firefox: policies.json `3rdparty.Extensions.<id>`, not validated by the browser). The raw object is
 * read here into a typed `FleetPolicy`: a bad part is left out with a message saying why, the rest
 * applies. Policy wins over what the agent set, and what it sets is locked. Pure: docs/POLICY.md.
 */
import { z } from 'zod';
import { checkPublicKey } from '../packs/signature';
import { checkPackUrl } from '../sync/pack-fetch';
import type { Settings } from '.';
import { siteOrigin } from './sites';

/** The longest usage-log retention a policy may ask for (a year). */
export const MAX_RETENTION_DAYS = 365;

/** A pack URL the organisation subscribes every agent to. */
export interface PolicySubscription {
  url: string;
  /** The pack id the URL must serve (the subscription's `expectId`). */
  expectId?: string;
  /** The team's Ed25519 public key (base64 of the raw 32 bytes, as `kpack sign` prints it). */
  publicKey?: string;
  /** Updates wait for review (true) or apply when fetched (false); absent: the team lead chooses. */
  reviewUpdates?: boolean;
}

/** The policy as Huashu applies it; an absent field is not set by the policy (the agent's choice stands). */
export interface FleetPolicy {
  subscriptions: PolicySubscription[];
  /** Origins (`https://desk.example.com`) Huashu is on for, beside those the agent turned on. */
  enabledSites: string[];
  usageLog?: boolean;
  learning?: boolean;
  usageRetentionDays?: number;
}

/** What reading the managed storage gave: the policy (null when nothing usable is set) and what was left out. */
export interface PolicyReading {
  policy: FleetPolicy | null;
  /** One line per ignored part: `usageLog: expected true or false (ignored)`. */
  problems: string[];
}

/** The settings a policy can lock. */
export const LOCKABLE_SETTINGS = ['usageLog', 'learning', 'usageRetentionDays', 'enabledSites'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

/** Whether a change touches anything a policy can lock (or narrow, as `enabledSites`). */
export function touchesLockable(patch: Partial<Settings>): boolean {
  return LOCKABLE_SETTINGS.some((key) => key in patch);
}

/** `ID_PATTERN` of the pack format: letters, digits, "-", "_" and ".". */
const PACK_ID = /^[A-Za-z0-9._-]+$/;

const subscriptionSchema = z.object(
  {
    url: z.string({ error: 'expected the address of a pack file' }).transform((value, ctx) => {
      const checked = checkPackUrl(value);
      if (checked.ok) return checked.url;
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }),
    packId: z
      .string({ error: 'expected a pack id' })
      .regex(PACK_ID, 'a pack id is letters, digits, "-", "_" or "."')
      .optional(),
    publicKey: z
      .string({ error: 'expected a base64 key' })
      .transform((value, ctx) => {
        const checked = checkPublicKey(value);
        if (checked.ok) return checked.publicKey;
        ctx.addIssue({ code: 'custom', message: checked.message });
        return z.NEVER;
      })
      .optional(),
    reviewUpdates: z.boolean({ error: 'expected true or false' }).optional(),
  },
  { error: 'expected an object with a url' },
);

/** Each managed key and how it reads; the keys are those of public/managed-schema.json. */
const POLICY_KEYS = {
  packSubscriptions: z.array(z.unknown(), { error: 'expected a list of subscriptions' }),
  enabledSites: z.array(z.unknown(), { error: 'expected a list of site addresses' }),
  usageLog: z.boolean({ error: 'expected true or false' }),
  learnFromPicks: z.boolean({ error: 'expected true or false' }),
  usageLogRetentionDays: z
    .number({ error: 'expected a number of days' })
    .int('expected a whole number of days')
    .min(1, 'expected at least 1 day')
    .max(MAX_RETENTION_DAYS, `expected at most ${MAX_RETENTION_DAYS} days`),
} as const;

/** The managed keys Huashu reads (tests check the shipped schema declares exactly these). */
export const POLICY_KEY_NAMES = Object.keys(POLICY_KEYS) as Array<keyof typeof POLICY_KEYS>;

function issueText(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function readSubscriptions(items: unknown[], problems: string[]): PolicySubscription[] {
  const subscriptions: PolicySubscription[] = [];
  items.forEach((item, index) => {
    const where = `packSubscriptions[${index}]`;
    const parsed = subscriptionSchema.safeParse(item);
    if (!parsed.success) return problems.push(`${where}: ${issueText(parsed.error)} (ignored)`);
    const { url, packId, publicKey, reviewUpdates } = parsed.data;
    if (subscriptions.some((s) => s.url === url)) return problems.push(`${where}: ${url} is listed twice (ignored)`);
    subscriptions.push({
      url,
      ...(packId ? { expectId: packId } : {}),
      ...(publicKey ? { publicKey } : {}),
      ...(reviewUpdates !== undefined ? { reviewUpdates } : {}),
    });
  });
  return subscriptions;
}

function readSites(items: unknown[], problems: string[]): string[] {
  const origins: string[] = [];
  items.forEach((item, index) => {
    const origin = typeof item === 'string' ? siteOrigin(item) : null;
    if (!origin) return problems.push(`enabledSites[${index}]: ${JSON.stringify(item)} is not a web address (ignored)`);
    if (!origins.includes(origin)) origins.push(origin);
  });
  return origins;
}

/**
 * Reads the managed storage's object. Anything that is not an object (nothing set, or the browser's
 * "no policy" error turned into undefined) is no policy; each key that does not read is left out.
 */
export function readFleetPolicy(raw: unknown): PolicyReading {
  const problems: string[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { policy: null, problems };
  const policy: FleetPolicy = { subscriptions: [], enabledSites: [] };
  let anything = false;
  for (const [key, value] of Object.entries(raw)) {
    const schema = POLICY_KEYS[key as keyof typeof POLICY_KEYS];
    if (!schema) {
      problems.push(`${key}: not a Huashu policy key (ignored)`);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      problems.push(`${key}: ${issueText(parsed.error)} (ignored)`);
      continue;
    }
    anything = true;
    if (key === 'packSubscriptions') policy.subscriptions = readSubscriptions(parsed.data as unknown[], problems);
    else if (key === 'enabledSites') policy.enabledSites = readSites(parsed.data as unknown[], problems);
    else if (key === 'usageLog') policy.usageLog = parsed.data as boolean;
    else if (key === 'learnFromPicks') policy.learning = parsed.data as boolean;
    else policy.usageRetentionDays = parsed.data as number;
  }
  return { policy: anything ? policy : null, problems };
}

/** The settings the policy locks (shown disabled in the options page, refused when saved). */
export function lockedSettings(policy: FleetPolicy | null): LockableSetting[] {
  if (!policy) return [];
  const locked: LockableSetting[] = [];
  if (policy.usageLog !== undefined) locked.push('usageLog');
  if (policy.learning !== undefined) locked.push('learning');
  if (policy.usageRetentionDays !== undefined) locked.push('usageRetentionDays');
  if (policy.enabledSites.length > 0) locked.push('enabledSites');
  return locked;
}

/**
 * The settings in force: the agent's, with what the policy sets on top. Enabled sites are the policy's
 * plus the agent's own (the policy's cannot be turned off; see `lockedOrigins`).
 */
export function settingsUnderPolicy(settings: Settings, policy: FleetPolicy | null): Settings {
  if (!policy) return settings;
  const next: Settings = { ...settings };
  if (policy.usageLog !== undefined) next.usageLog = policy.usageLog;
  if (policy.learning !== undefined) next.learning = policy.learning;
  if (policy.usageRetentionDays !== undefined) next.usageRetentionDays = policy.usageRetentionDays;
  if (policy.enabledSites.length > 0)
    next.enabledSites = [...new Set([...policy.enabledSites, ...(settings.enabledSites ?? [])])];
  return next;
}

/**
 * A settings change with what the policy locks taken out (policy wins; the caller says so if anything
 * went). The policy's sites are dropped from a list of enabled sites: they are on without being stored.
 */
export function unlockedPatch(
  patch: Partial<Settings>,
  policy: FleetPolicy | null,
): { patch: Partial<Settings>; refused: LockableSetting[] } {
  const locked = new Set<string>(lockedSettings(policy));
  const kept: Partial<Settings> = {};
  const refused: LockableSetting[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'enabledSites' && Array.isArray(value))
      kept.enabledSites = (value as string[]).filter((origin) => !policy?.enabledSites.includes(origin));
    else if (locked.has(key)) refused.push(key as LockableSetting);
    else Object.assign(kept, { [key]: value });
  }
  return { patch: kept, refused };
}

/** The policy subscription for this URL, if the policy has one. */
export function policySubscriptionOf(policy: FleetPolicy | null, url: string): PolicySubscription | undefined {
  return policy?.subscriptions.find((s) => s.url === url);
}

/** A policy subscription as the options page shows it. */
export interface PolicySubscriptionState extends PolicySubscription {
  /** The pack it feeds, once subscribed (its row in the pack table then shows each check). */
  packId?: string;
  /** Why subscribing failed; it is tried again at each hourly check and when the policy changes. */
  error?: string;
}

/** What the options page's "Set by your organisation" section shows. */
export interface PolicyView {
  policy: FleetPolicy | null;
  problems: string[];
  subscriptions: PolicySubscriptionState[];
  locked: LockableSetting[];
}

/** The view of no policy at all. */
export const NO_POLICY: PolicyView = { policy: null, problems: [], subscriptions: [], locked: [] };
