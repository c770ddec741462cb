// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../entrypoints/options/App';
import type { Settings } from '../../lib/settings';
import { createOptionsStore } from '../../lib/state/options/store';
import { optionsServices } from '../helpers/options';

afterEach(cleanup);

const line = { packId: 'team', packVersion: '1.0.0', entryId: 'invoice', text: '公司报销要用的单据给不给', at: 1 };

describe('options page: learning from picks', () => {
  it('shows the saved switch and saves a change', async () => {
    const s = optionsServices({
      getSettings: vi.fn(async () => ({ scenarios: [], selectorOverrides: {}, learning: false })),
      saveSettings: vi.fn(async (patch: Partial<Settings>) => ({
        scenarios: [],
        selectorOverrides: {},
        learning: false,
        ...patch,
      })),
    });
    render(<App store={createOptionsStore(s)} />);
    const toggle = screen.getByTestId('learning-switch') as HTMLInputElement;
    await waitFor(() => expect(toggle.checked).toBe(false));
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(s.saveSettings).toHaveBeenCalledWith({ learning: true });
  });

  it('forgets only after a confirm', async () => {
    const s = optionsServices();
    render(<App store={createOptionsStore(s)} />);
    fireEvent.click(screen.getByTestId('learning-forget'));
    expect(screen.getByTestId('learning-confirm').textContent).toContain('Forget everything');
    fireEvent.click(screen.getByTestId('learning-forget-no'));
    expect(s.forgetPicks).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('learning-forget'));
    fireEvent.click(screen.getByTestId('learning-forget-yes'));
    await waitFor(() => expect(s.forgetPicks).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('learning-note').textContent).toContain('Forgot');
  });

  it('downloads the export as NDJSON, and says when there is nothing to export', async () => {
    const ndjson = `${JSON.stringify(line)}\n${JSON.stringify({ ...line, at: 2 })}\n`;
    const s = optionsServices({ exportPicks: vi.fn().mockResolvedValueOnce('').mockResolvedValue(ndjson) });
    render(<App store={createOptionsStore(s)} />);
    fireEvent.click(screen.getByTestId('learning-export'));
    await waitFor(() => expect(screen.getByTestId('learning-note').textContent).toContain('Nothing learned yet'));
    expect(s.download).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('learning-export'));
    await waitFor(() => expect(s.download).toHaveBeenCalledTimes(1));
    expect(vi.mocked(s.download).mock.calls[0]).toEqual([
      expect.stringMatching(/^huashu-learned-\d{4}-\d{2}-\d{2}\.ndjson$/),
      ndjson,
      'application/x-ndjson',
    ]);
    expect(screen.getByTestId('learning-note').textContent).toContain('Exported 2 picks');
  });
});
