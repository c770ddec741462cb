/**
 * The fleet policy as read from managed storage (lib/settings/policy.ts): what reads, what is left out
 * and why, how it merges over the agent's settings, and the shipped schema Chrome validates it with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../lib/settings';
import {
  lockedSettings,
  POLICY_KEY_NAMES,
  readFleetPolicy,
  settingsUnderPolicy,
  unlockedPatch,
} from '../../lib/settings/policy';

const KEY = Buffer.alloc(32, 7).toString('base64');
const URL_ = 'https://packs.example.com/team.json';

describe('reading the managed storage', () => {
  it('reads every key into a typed policy', () => {
    const reading = readFleetPolicy({
      packSubscriptions: [{ url: ` ${URL_}#top `, packId: 'team', publicKey: KEY, reviewUpdates: true }],
      enabledSites: ['desk.example.com', 'https://chat.example.org/inbox'],
      usageLog: false,
      learnFromPicks: false,
      usageLogRetentionDays: 30,
    });
    expect(reading).toEqual({
      problems: [],
      policy: {
        subscriptions: [{ url: URL_, expectId: 'team', publicKey: KEY, reviewUpdates: true }],
        enabledSites: ['https://desk.example.com', 'https://chat.example.org'],
        usageLog: false,
        learning: false,
        usageRetentionDays: 30,
      },
    });
  });

  it('is no policy when nothing is set, or the browser answered something else', () => {
    for (const raw of [undefined, null, {}, 'policy', [{ usageLog: false }], 42]) {
      expect(readFleetPolicy(raw)).toEqual({ policy: null, problems: [] });
    }
  });

  it('leaves out each bad part with a message that says where and why, and applies the rest', () => {
    const reading = readFleetPolicy({
      usageLog: 'no',
      learnFromPicks: true,
      usageLogRetentionDays: 0,
      enabledSites: ['ftp://files.example.com', 'desk.example.com', 'https://desk.example.com/'],
      packSubscriptions: [
        { url: 'http://packs.example.com/team.json' },
        { url: URL_, publicKey: 'not a key' },
        { url: URL_, packId: 'has space' },
        { packId: 'team' },
        'https://packs.example.com/other.json',
        { url: URL_ },
        { url: `${URL_}` },
      ],
      autoInsert: true,
    });
    expect(reading.policy).toEqual({
      subscriptions: [{ url: URL_ }],
      enabledSites: ['https://desk.example.com'],
      learning: true,
    });
    expect(reading.problems).toEqual([
      'usageLog: expected true or false (ignored)',
      'usageLogRetentionDays: expected at least 1 day (ignored)',
      'enabledSites[0]: "ftp://files.example.com" is not a web address (ignored)',
      expect.stringMatching(/^packSubscriptions\[0\]: url: Only https:\/\/ addresses .*\(ignored\)$/),
      'packSubscriptions[1]: publicKey: “not a key” is not an Ed25519 public key: paste the 44-character line that `kpack sign` printed after “public key:” (ignored)',
      'packSubscriptions[2]: packId: a pack id is letters, digits, "-", "_" or "." (ignored)',
      'packSubscriptions[3]: url: expected the address of a pack file (ignored)',
      'packSubscriptions[4]: expected an object with a url (ignored)',
      `packSubscriptions[6]: ${URL_} is listed twice (ignored)`,
      'autoInsert: not a Huashu policy key (ignored)',
    ]);
  });

  it('refuses a list that is not a list, and a retention that is not whole days', () => {
    const reading = readFleetPolicy({ packSubscriptions: URL_, usageLogRetentionDays: 7.5, enabledSites: 'x' });
    expect(reading.policy).toBeNull();
    expect(reading.problems).toEqual([
      'packSubscriptions: expected a list of subscriptions (ignored)',
      'usageLogRetentionDays: expected a whole number of days (ignored)',
      'enabledSites: expected a list of site addresses (ignored)',
    ]);
  });
});

describe('policy over local settings', () => {
  const local = { ...settingsFrom({ usageLog: true, learning: true, enabledSites: ['https://mine.example.com'] }) };
  const { policy } = readFleetPolicy({
    usageLog: false,
    usageLogRetentionDays: 14,
    enabledSites: ['https://desk.example.com'],
  });

  it('wins where it sets something and leaves the rest as the agent set it', () => {
    expect(settingsUnderPolicy(local, policy)).toEqual({
      ...local,
      usageLog: false,
      learning: true,
      usageRetentionDays: 14,
      enabledSites: ['https://desk.example.com', 'https://mine.example.com'],
    });
    expect(settingsUnderPolicy(local, null)).toBe(local);
  });

  it('locks what it sets: a change to it is refused, the policy sites are not stored', () => {
    expect(lockedSettings(policy)).toEqual(['usageLog', 'usageRetentionDays', 'enabledSites']);
    expect(lockedSettings(null)).toEqual([]);
    expect(
      unlockedPatch(
        { usageLog: true, learning: false, enabledSites: ['https://desk.example.com', 'https://new.example.com'] },
        policy,
      ),
    ).toEqual({ patch: { learning: false, enabledSites: ['https://new.example.com'] }, refused: ['usageLog'] });
    expect(unlockedPatch({ usageLog: true }, null)).toEqual({ patch: { usageLog: true }, refused: [] });
  });
});

describe('the shipped managed-storage schema (public/managed-schema.json)', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../public/managed-schema.json'), 'utf8'));

  it('declares exactly the keys the policy reader reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEY_NAMES].sort());
    expect(Object.keys(schema.properties.packSubscriptions.items.properties).sort()).toEqual(
      ['packId', 'publicKey', 'reviewUpdates', 'url'].sort(),
    );
  });

  it('keeps to what Chrome accepts: an object at the top without additionalProperties, one type per schema', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    const allowed = new Set(['type', 'title', 'description', 'properties', 'items', 'minimum', 'maximum']);
    const walk = (node: Record<string, unknown>, path: string) => {
      expect(typeof node.type, path).toBe('string');
      for (const key of Object.keys(node)) expect(allowed.has(key), `${path}.${key}`).toBe(true);
      for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>))
        walk(child, `${path}.${name}`);
      if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(schema, 'schema');
  });

  it('is the one the manifest names', () => {
    const config = readFileSync(join(__dirname, '../../wxt.config.ts'), 'utf8');
    expect(config).toContain("storage: { managed_schema: 'managed-schema.json' }");
  });
});

describe('docs/POLICY.md', () => {
  const doc = readFileSync(join(__dirname, '../../docs/POLICY.md'), 'utf8');
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));

  it('documents every key, and its examples read without a problem', () => {
    for (const key of POLICY_KEY_NAMES) expect(doc).toContain(`\`${key}\``);
    const [example, chrome, firefox] = blocks;
    const policies = [
      example,
      Object.values(chrome['3rdparty'].extensions)[0],
      firefox.policies['3rdparty'].Extensions['huashu@huashu.dev'],
    ];
    for (const raw of policies) {
      const reading = readFleetPolicy(raw);
      expect(reading.problems).toEqual([]);
      expect(reading.policy?.subscriptions.length).toBeGreaterThan(0);
    }
  });
});
