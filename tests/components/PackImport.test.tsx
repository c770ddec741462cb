// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackImport } from '../../components/PackImport';
import { PackSubscribe } from '../../components/PackSubscribe';
import { PackTable } from '../../components/PackTable';
import type { PackSummary } from '../../lib/packs/types';

afterEach(cleanup);

/** A team public key as `kpack sign` prints it (base64 of 32 bytes). */
const KEY = 'uR0Hn1m4m6Rk8bqWQ1m0n8X3cX5q3P0r4kq9yFQe1ZQ=';

describe('PackImport', () => {
  it('hands the chosen file over', () => {
    const onFile = vi.fn();
    render(<PackImport busy={false} report={null} onFile={onFile} onSubscribe={() => {}} onAllowAccess={() => {}} />);
    const file = new File(['{}'], 'pack.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('pack-file-input'), { target: { files: [file] } });
    expect(onFile).toHaveBeenCalledWith(file);
  });

  it('lists every error with its path and says nothing was changed', () => {
    render(
      <PackImport
        busy={false}
        onFile={() => {}}
        onSubscribe={() => {}}
        onAllowAccess={() => {}}
        report={{ fileName: 'bad.json', ok: false, errors: ['entries[12].replies[0].text: required'], warnings: [] }}
      />,
    );
    expect(screen.getByTestId('import-report').textContent).toContain('nothing was changed');
    expect(screen.getByTestId('import-errors').textContent).toBe('entries[12].replies[0].text: required');
  });
});

describe('PackTable', () => {
  it('toggles and removes packs', () => {
    const onToggle = vi.fn();
    const onRemove = vi.fn();
    render(
      <PackTable
        packs={[
          {
            id: 'p1',
            name: 'Shop',
            version: '1.0.0',
            locale: 'zh-CN',
            entries: 3,
            enabled: true,
            source: { kind: 'file', fileName: 'p1.json' },
            importedAt: 0,
            warnings: 0,
          },
        ]}
        syncing={[]}
        onToggle={onToggle}
        onRemove={onRemove}
        onSync={() => {}}
        onAllowAccess={() => {}}
      />,
    );
    fireEvent.click(screen.getByLabelText('Use Shop'));
    expect(onToggle).toHaveBeenCalledWith('p1', false);
    fireEvent.click(screen.getByText('Remove'));
    expect(onRemove).toHaveBeenCalledWith('p1');
    // A pack from a file has no sync status and no "Sync now".
    expect(screen.queryByTestId('pack-sync-status')).toBeNull();
    expect(screen.queryByTestId('pack-sync-now')).toBeNull();
  });

  const at = (h: number, m = 0) => new Date(2026, 10, 30, h, m).getTime();
  const subscribed: PackSummary = {
    id: 'team',
    name: 'Team pack',
    version: '1.3.0',
    locale: 'en',
    entries: 12,
    enabled: false,
    source: { kind: 'url', url: 'https://packs.example.com/team.json' },
    importedAt: at(10),
    warnings: 0,
    sync: { checkedAt: at(11), changedAt: at(10), lastError: null },
  };
  const table = (pack: PackSummary, syncing: string[] = []) => {
    const handlers = { onSync: vi.fn(), onAllowAccess: vi.fn() };
    render(<PackTable packs={[pack]} syncing={syncing} onToggle={() => {}} onRemove={() => {}} {...handlers} />);
    return handlers;
  };

  it('shows a subscribed pack’s URL, last check and change, and syncs it now', () => {
    const { onSync } = table(subscribed);
    expect(screen.getByTestId('pack-row').textContent).toContain('https://packs.example.com/team.json');
    expect(screen.getByTestId('pack-sync-status').textContent).toBe(
      'checked 2026-11-30 11:00 · changed 2026-11-30 10:00',
    );
    fireEvent.click(screen.getByTestId('pack-sync-now'));
    expect(onSync).toHaveBeenCalledWith('team');
    expect(screen.queryByTestId('pack-grant-access')).toBeNull();
  });

  it('shows the last error with the version kept, and offers access when the server was not reached', () => {
    const { onAllowAccess } = table({
      ...subscribed,
      sync: {
        ...subscribed.sync!,
        lastError: 'could not reach https://packs.example.com',
        accessOrigin: 'https://packs.example.com',
      },
    });
    expect(screen.getByTestId('pack-sync-status').textContent).toBe(
      'could not reach https://packs.example.com — kept version 1.3.0 from 2026-11-30 10:00 (checked 2026-11-30 11:00)',
    );
    fireEvent.click(screen.getByTestId('pack-grant-access'));
    expect(onAllowAccess).toHaveBeenCalledWith('https://packs.example.com', 'team');
  });

  it('marks a subscription pinned to a team key, and shows why an unsigned update was refused', () => {
    table({
      ...subscribed,
      sync: {
        ...subscribed.sync!,
        publicKey: KEY,
        lastError: 'refused: the signature does not match: the file was changed or signed with another key',
      },
    });
    const badge = screen.getByTestId('subscription-signed');
    expect(badge.textContent).toBe(`Signed · key ${KEY.slice(0, 8)}…`);
    expect(badge.title).toContain(KEY);
    expect(screen.getByTestId('pack-sync-status').textContent).toBe(
      'refused: the signature does not match: the file was changed or signed with another key — kept version 1.3.0 from 2026-11-30 10:00 (checked 2026-11-30 11:00)',
    );
  });

  it('has no signed mark on a subscription without a key', () => {
    table(subscribed);
    expect(screen.queryByTestId('subscription-signed')).toBeNull();
  });

  it('says it is checking while a sync runs, and does not start another', () => {
    table(subscribed, ['team']);
    expect(screen.getByTestId('pack-sync-status').textContent).toBe('checking…');
    expect((screen.getByTestId('pack-sync-now') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('PackSubscribe (in PackImport)', () => {
  it('hands the typed URL over, and offers access to an origin it could not reach', () => {
    const onSubscribe = vi.fn();
    const onAllowAccess = vi.fn();
    render(
      <PackImport
        busy={false}
        onFile={() => {}}
        onSubscribe={onSubscribe}
        onAllowAccess={onAllowAccess}
        report={{
          fileName: 'https://packs.example.com/team.json',
          ok: false,
          errors: ['could not reach https://packs.example.com'],
          warnings: [],
          accessOrigin: 'https://packs.example.com',
        }}
      />,
    );
    fireEvent.change(screen.getByTestId('pack-url-input'), {
      target: { value: ' https://packs.example.com/team.json ' },
    });
    fireEvent.click(screen.getByTestId('pack-url-add'));
    expect(onSubscribe).toHaveBeenCalledWith('https://packs.example.com/team.json', '');
    expect(screen.getByTestId('import-report').textContent).toContain(
      'https://packs.example.com/team.json: not imported — nothing was changed',
    );
    fireEvent.click(screen.getByTestId('grant-access'));
    expect(onAllowAccess).toHaveBeenCalledWith('https://packs.example.com');
  });

  it('hands the team public key over with the URL, trimmed', () => {
    const onSubscribe = vi.fn();
    render(<PackSubscribe busy={false} onSubscribe={onSubscribe} />);
    fireEvent.change(screen.getByTestId('pack-url-input'), { target: { value: 'https://packs.example.com/t.json' } });
    fireEvent.change(screen.getByTestId('subscribe-public-key'), { target: { value: ` ${KEY}\n` } });
    fireEvent.click(screen.getByTestId('pack-url-add'));
    expect(onSubscribe).toHaveBeenCalledWith('https://packs.example.com/t.json', KEY);
  });

  it('cannot subscribe while an import runs', () => {
    render(<PackSubscribe busy onSubscribe={() => {}} />);
    expect((screen.getByTestId('pack-url-add') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('subscribe-public-key') as HTMLInputElement).disabled).toBe(true);
  });
});
