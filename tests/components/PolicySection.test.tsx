// @vitest-environment jsdom
/**
 * "Set by your organisation": the fleet policy's section of the options page, and the controls it locks
 * (shown disabled with a note) in the other sections.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../entrypoints/options/App';
import { EnabledSites } from '../../components/EnabledSites';
import { PackTable } from '../../components/PackTable';
import { PolicySection } from '../../components/PolicySection';
import { NO_POLICY, readFleetPolicy, lockedSettings, type PolicyView } from '../../lib/settings/policy';
import { createOptionsStore } from '../../lib/state/options/store';
import { optionsServices, TEAM_URL, teamSummary } from '../helpers/options';

afterEach(cleanup);

const MISSING = 'https://packs.example.com/missing.json';

function viewOf(raw: unknown, extra: Partial<PolicyView> = {}): PolicyView {
  const { policy, problems } = readFleetPolicy(raw);
  return {
    policy,
    problems,
    locked: lockedSettings(policy),
    subscriptions: (policy?.subscriptions ?? []).map((s) =>
      s.url === TEAM_URL ? { ...s, packId: 'team' } : { ...s, error: 'HTTP 404 Not Found' },
    ),
    ...extra,
  };
}

const fleet = viewOf({
  packSubscriptions: [{ url: TEAM_URL, packId: 'team', reviewUpdates: true }, { url: MISSING }],
  enabledSites: ['https://desk.example.com'],
  usageLog: false,
  learnFromPicks: false,
  usageLogRetentionDays: 30,
});

const noop = () => {};
const tableProps = { syncing: [], onToggle: noop, onRemove: noop, onSync: noop, onAllowAccess: noop };

describe('the policy section', () => {
  it('shows nothing when there is no policy', () => {
    const { container } = render(<PolicySection view={NO_POLICY} />);
    expect(container.innerHTML).toBe('');
  });

  it('lists each subscription with its pack or its error, and each setting', () => {
    render(<PolicySection view={fleet} />);
    const section = screen.getByTestId('policy');
    const items = within(section).getAllByTestId('policy-subscription');
    expect(items.map((i) => i.dataset.url)).toEqual([TEAM_URL, MISSING]);
    expect(items[0]!.textContent).toContain('pack id team · updates wait for review');
    expect(within(items[0]!).getByTestId('policy-subscription-status').textContent).toBe(
      'subscribed: pack team (below, in Packs)',
    );
    expect(within(items[1]!).getByTestId('policy-subscription-status').textContent).toBe(
      'not subscribed: HTTP 404 Not Found — tried again every hour',
    );
    expect(
      within(section)
        .getAllByTestId('policy-setting')
        .map((s) => s.textContent),
    ).toEqual([
      'Usage logoff',
      'Usage log keeps events for30 days',
      'Learning from picksoff',
      'Sites turned onhttps://desk.example.com',
    ]);
    expect(within(section).queryByTestId('policy-problems')).toBeNull();
  });

  it('says which parts of the policy were ignored, even when nothing else applies', () => {
    render(<PolicySection view={viewOf({ usageLog: 'off' })} />);
    expect(screen.getByTestId('policy-problems').textContent).toContain('usageLog: expected true or false (ignored)');
  });
});

describe('controls the policy locks', () => {
  it('a policy pack has no Remove, and its review switch is disabled with a note', () => {
    const managed = {
      ...teamSummary,
      managed: { reviewUpdates: true },
      sync: { ...teamSummary.sync!, reviewUpdates: true },
    };
    const other = { ...teamSummary, id: 'other', source: { kind: 'url' as const, url: MISSING } };
    render(<PackTable packs={[managed, other]} {...tableProps} />);
    const [row, free] = screen.getAllByTestId('pack-row');
    expect(within(row!).queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(
      within(row!)
        .getAllByTestId('policy-locked')
        .map((n) => n.textContent),
    ).toEqual(['Set by your organisation', 'Subscribed by your organisation']);
    expect((within(row!).getByTestId('pack-review-updates') as HTMLButtonElement).disabled).toBe(true);
    expect(within(free!).getByRole('button', { name: 'Remove' })).toBeTruthy();
    expect(within(free!).queryByTestId('policy-locked')).toBeNull();
  });

  it('a policy site cannot be turned off; the agent’s own can', () => {
    const onDisable = vi.fn();
    render(
      <EnabledSites
        origins={['https://desk.example.com', 'https://mine.example.com']}
        locked={['https://desk.example.com']}
        onEnable={noop}
        onDisable={onDisable}
      />,
    );
    const [desk, mine] = screen.getAllByTestId('enabled-site');
    expect((within(desk!).getByRole('button', { name: 'Turn off' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(desk!).getByTestId('policy-locked')).toBeTruthy();
    within(mine!).getByRole('button', { name: 'Turn off' }).click();
    expect(onDisable).toHaveBeenCalledWith('https://mine.example.com');
    expect(within(mine!).queryByTestId('policy-locked')).toBeNull();
  });

  it('the options page: the section, and the usage log and learning switches disabled with a note', async () => {
    const s = optionsServices({
      getPolicy: vi.fn(async () => fleet),
      listPacks: vi.fn(async () => [{ ...teamSummary, managed: { reviewUpdates: true } }]),
      getSettings: vi.fn(async () => ({ scenarios: [], selectorOverrides: {}, learning: false, usageLog: false })),
    });
    render(<App store={createOptionsStore(s)} />);
    await screen.findByTestId('policy');
    const learning = screen.getByTestId('learning-switch') as HTMLInputElement;
    await waitFor(() => expect(learning.disabled).toBe(true));
    expect(learning.checked).toBe(false);
    const logging = screen.getByTestId('usage-logging') as HTMLInputElement;
    expect(logging.disabled).toBe(true);
    expect(screen.getByTestId('usage-report').textContent).toContain('for 30 days');
    expect(within(screen.getByTestId('learning')).getAllByTestId('policy-locked')).toHaveLength(1);
    expect(within(screen.getByTestId('usage-report')).getAllByTestId('policy-locked')).toHaveLength(1);
  });

  it('the options page without a policy: no section, nothing locked', async () => {
    const s = optionsServices({ getPolicy: vi.fn(async () => NO_POLICY) });
    render(<App store={createOptionsStore(s)} />);
    await waitFor(() => expect(s.getPolicy).toHaveBeenCalled());
    expect(screen.queryByTestId('policy')).toBeNull();
    expect(screen.queryAllByTestId('policy-locked')).toHaveLength(0);
    expect((screen.getByTestId('learning-switch') as HTMLInputElement).disabled).toBe(false);
  });

  it('the policy is read again when the background says packs changed (a policy change)', async () => {
    let changed = () => {};
    const getPolicy = vi.fn<() => Promise<PolicyView>>().mockResolvedValueOnce(NO_POLICY).mockResolvedValue(fleet);
    const s = optionsServices({ getPolicy, onPacksChanged: (listener) => ((changed = listener), () => {}) });
    render(<App store={createOptionsStore(s)} />);
    await waitFor(() => expect(getPolicy).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('policy')).toBeNull();
    changed();
    await screen.findByTestId('policy');
  });
});
