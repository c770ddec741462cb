// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageSetting } from '../../components/LanguageSetting';
import { App as OptionsApp } from '../../entrypoints/options/App';
import { App as PanelApp } from '../../entrypoints/sidepanel/App';
import type { Settings } from '../../lib/settings';
import { createOptionsStore } from '../../lib/state/options/store';
import { createPanelStore } from '../../lib/state/panel/store';
import { optionsServices } from '../helpers/options';
import { memoryPanelServices } from '../helpers/panel';

// The panel's browser wiring is not what this tests (and the browser API does not load under jsdom).
vi.mock('wxt/browser', () => ({ browser: { runtime: { openOptionsPage: vi.fn() } } }));
vi.mock('../../entrypoints/sidepanel/site-access', () => ({
  useSiteAccess: () => ({ origin: null, enabled: false, message: undefined, enable: vi.fn() }),
}));

afterEach(cleanup);

const settings = (patch: Partial<Settings> = {}): Settings => ({
  scenarios: [],
  selectorOverrides: {},
  learning: true,
  ...patch,
});

describe('LanguageSetting', () => {
  it('offers Auto, 中文 and English, and says which was chosen', () => {
    const onChange = vi.fn();
    render(<LanguageSetting value="auto" onChange={onChange} />);
    const select = screen.getByTestId('ui-language') as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['auto', 'Auto (browser)'],
      ['zh-CN', '中文'],
      ['en', 'English'],
    ]);
    fireEvent.change(select, { target: { value: 'zh-CN' } });
    expect(onChange).toHaveBeenCalledWith('zh-CN');
  });
});

describe('options page language', () => {
  it('speaks the browser’s Chinese on Auto, switches to English when chosen, and back', async () => {
    let stored = settings();
    const s = optionsServices({
      browserLanguage: () => 'zh-CN',
      getSettings: vi.fn(async () => stored),
      saveSettings: vi.fn(async (patch: Partial<Settings>) => (stored = { ...stored, ...patch })),
    });
    render(<OptionsApp store={createOptionsStore(s)} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('话术 Huashu —— 话术包');
    expect(screen.getByText('导入话术包')).toBeTruthy();
    expect((screen.getByTestId('ui-language') as HTMLSelectElement).value).toBe('auto');
    expect(document.title).toBe('话术 Huashu —— 话术包与设置');

    fireEvent.change(screen.getByTestId('ui-language'), { target: { value: 'en' } });
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Huashu 话术 — knowledge packs'),
    );
    expect(s.saveSettings).toHaveBeenCalledWith({ uiLanguage: 'en' });
    expect(screen.getByText('Import a knowledge pack')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');

    fireEvent.change(screen.getByTestId('ui-language'), { target: { value: 'auto' } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('话术 Huashu —— 话术包'));
    expect(stored.uiLanguage).toBe('auto');
  });

  it('starts in the stored language, and follows another page’s change', async () => {
    let changed: (settings: Settings) => void = () => {};
    const s = optionsServices({
      browserLanguage: () => 'en-US',
      getSettings: vi.fn(async () => settings({ uiLanguage: 'zh-CN' })),
      onSettingsChanged: (listener) => {
        changed = listener;
        return () => {};
      },
    });
    render(<OptionsApp store={createOptionsStore(s)} />);
    await waitFor(() => expect(screen.getByText('导入话术包')).toBeTruthy());
    expect((screen.getByTestId('ui-language') as HTMLSelectElement).value).toBe('zh-CN');
    act(() => changed(settings({ uiLanguage: 'en' })));
    expect(screen.getByText('Import a knowledge pack')).toBeTruthy();
  });

  it('keeps the language it shows when saving fails, and says why', async () => {
    const s = optionsServices({
      browserLanguage: () => 'zh-CN',
      saveSettings: vi.fn(async () => {
        throw new Error('database closed');
      }),
    });
    render(<OptionsApp store={createOptionsStore(s)} />);
    fireEvent.change(screen.getByTestId('ui-language'), { target: { value: 'en' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('database closed'));
    expect(screen.getByText('导入话术包')).toBeTruthy();
    expect((screen.getByTestId('ui-language') as HTMLSelectElement).value).toBe('auto');
  });
});

describe('side panel language', () => {
  it('speaks the browser’s Chinese, and follows a setting broadcast to English and back', async () => {
    const services = {
      ...memoryPanelServices([], new Date('2026-12-02T10:00:00Z')),
      browserLanguage: () => 'zh-CN',
    };
    const store = createPanelStore(services);
    render(<PanelApp store={store} />);
    expect(screen.getByTestId('chat-header').textContent).toContain('没有打开的聊天');
    expect(screen.getByTestId('search').getAttribute('aria-label')).toBe('搜索话术');
    act(() => store.getState().showLanguage('en'));
    expect(screen.getByTestId('chat-header').textContent).toContain('No chat open');
    expect(screen.getByText(/0 packs · 1–9 insert/)).toBeTruthy();
    act(() => store.getState().showLanguage('auto'));
    expect(screen.getByText(/0 个话术包/)).toBeTruthy();
  });

  it('catches up with a broadcast it missed at its next settings read', async () => {
    let stored = settings();
    const services = {
      ...memoryPanelServices([], new Date('2026-12-02T10:00:00Z')),
      browserLanguage: () => 'zh-CN',
      getSettings: async () => stored,
    };
    const store = createPanelStore(services);
    render(<PanelApp store={store} />);
    await waitFor(() => expect(screen.getByTestId('chat-header').textContent).toContain('没有打开的聊天'));
    stored = settings({ uiLanguage: 'en' });
    await act(() => store.getState().refreshWaiting());
    expect(screen.getByTestId('chat-header').textContent).toContain('No chat open');
  });
});
