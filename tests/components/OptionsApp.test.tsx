// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../entrypoints/options/App';
import type { ImportResult } from '../../lib/packs/types';
import { createOptionsStore } from '../../lib/state/options/store';
import { optionsServices, TEAM_URL, teamSummary } from '../helpers/options';

afterEach(cleanup);

const URL_ = TEAM_URL;
const summary = teamSummary;
const services = optionsServices;

describe('options page: pack subscriptions', () => {
  it('subscribes, reports it like a file import, and lists the pack', async () => {
    const ok: ImportResult = {
      ok: true,
      pack: summary,
      replaced: null,
      warnings: [{ path: 'entries[0]', message: 'unknown field', rule: 'unknown-field' }],
    };
    const s = services({ subscribePack: vi.fn(async () => ok) });
    vi.mocked(s.listPacks).mockResolvedValueOnce([]).mockResolvedValue([summary]);
    render(<App store={createOptionsStore(s)} />);
    fireEvent.change(screen.getByTestId('pack-url-input'), { target: { value: URL_ } });
    fireEvent.click(screen.getByTestId('pack-url-add'));
    await waitFor(() =>
      expect(screen.getByTestId('import-report').textContent).toContain(
        `${URL_}: imported “Team pack” 1.0.0, 2 entries`,
      ),
    );
    expect(screen.getByTestId('import-warnings').textContent).toContain('entries[0]: unknown field [unknown-field]');
    await waitFor(() => expect(screen.getAllByTestId('pack-sync-now')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('pack-sync-now'));
    await waitFor(() => expect(s.syncPacks).toHaveBeenCalledWith(['team']));
  });

  it('asks for access to the origin within the click, then subscribes again', async () => {
    const failed: ImportResult = {
      ok: false,
      errors: [{ path: '', message: 'could not reach https://packs.example.com' }],
      accessOrigin: 'https://packs.example.com',
    };
    const s = services({ subscribePack: vi.fn(async () => failed) });
    render(<App store={createOptionsStore(s)} />);
    fireEvent.change(screen.getByTestId('pack-url-input'), { target: { value: URL_ } });
    fireEvent.click(screen.getByTestId('pack-url-add'));
    const grant = await screen.findByTestId('grant-access');
    fireEvent.click(grant);
    // Synchronously in the click handler: the browser refuses permissions.request after an await.
    expect(s.requestAccess).toHaveBeenCalledWith('https://packs.example.com');
    await waitFor(() => expect(s.subscribePack).toHaveBeenCalledTimes(2));
    expect(vi.mocked(s.subscribePack).mock.calls[1]).toEqual([URL_]);
  });

  it('sends the team public key with the address, shows a refusal, and sends the key again on retry', async () => {
    const KEY = 'uR0Hn1m4m6Rk8bqWQ1m0n8X3cX5q3P0r4kq9yFQe1ZQ=';
    const refused: ImportResult = {
      ok: false,
      errors: [{ path: '', message: 'refused: the pack is not signed (no .sig file beside it)' }],
      accessOrigin: 'https://packs.example.com',
    };
    const s = services({ subscribePack: vi.fn(async () => refused) });
    render(<App store={createOptionsStore(s)} />);
    fireEvent.change(screen.getByTestId('pack-url-input'), { target: { value: URL_ } });
    fireEvent.change(screen.getByTestId('subscribe-public-key'), { target: { value: KEY } });
    fireEvent.click(screen.getByTestId('pack-url-add'));
    await waitFor(() =>
      expect(screen.getByTestId('import-report').textContent).toContain(
        'refused: the pack is not signed (no .sig file beside it)',
      ),
    );
    expect(vi.mocked(s.subscribePack).mock.calls[0]).toEqual([URL_, { publicKey: KEY }]);
    fireEvent.click(screen.getByTestId('grant-access'));
    await waitFor(() => expect(s.subscribePack).toHaveBeenCalledTimes(2));
    expect(vi.mocked(s.subscribePack).mock.calls[1]).toEqual([URL_, { publicKey: KEY }]);
  });

  it('reloads the table when the background says packs changed (the hourly sync)', async () => {
    let changed = () => {};
    const s = services({
      onPacksChanged: vi.fn((listener: () => void) => {
        changed = listener;
        return () => {};
      }),
    });
    vi.mocked(s.listPacks).mockResolvedValueOnce([]).mockResolvedValue([summary]);
    render(<App store={createOptionsStore(s)} />);
    await waitFor(() => expect(s.listPacks).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('pack-row')).toBeNull();
    changed();
    await waitFor(() => expect(screen.getAllByTestId('pack-row')).toHaveLength(1));
  });

  it('says so when access is refused, and does not retry', async () => {
    const s = services({
      listPacks: vi.fn(async () => [
        {
          ...summary,
          sync: { ...summary.sync!, lastError: 'could not reach', accessOrigin: 'https://packs.example.com' },
        },
      ]),
      requestAccess: vi.fn(async () => false),
    });
    render(<App store={createOptionsStore(s)} />);
    fireEvent.click(await screen.findByTestId('pack-grant-access'));
    expect(s.requestAccess).toHaveBeenCalledWith('https://packs.example.com');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('was not granted'));
    expect(s.syncPacks).not.toHaveBeenCalled();
  });
});
