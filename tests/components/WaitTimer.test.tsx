// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WaitingChats } from '../../components/WaitingChats';
import { WaitSettings } from '../../components/WaitSettings';
import { LocaleProvider } from '../../components/text-context';
import { WaitTimer } from '../../components/WaitTimer';
import type { ChatSummary } from '../../lib/chats/types';

afterEach(cleanup);
const thresholds = { amberSeconds: 60, redSeconds: 100 };

describe('the wait clock in the panel', () => {
  it('shows the seconds waited and turns amber, then red', () => {
    const { rerender } = render(<WaitTimer since={0} now={30_000} thresholds={thresholds} />);
    const timer = () => screen.getByTestId('wait-timer');
    expect([timer().dataset.seconds, timer().dataset.level, timer().textContent]).toEqual(['30', 'ok', '0:30']);
    rerender(<WaitTimer since={0} now={60_000} thresholds={thresholds} />);
    expect(timer().dataset.level).toBe('amber');
    rerender(<WaitTimer since={0} now={100_500} thresholds={thresholds} />);
    expect([timer().dataset.seconds, timer().dataset.level]).toEqual(['100', 'red']);
    rerender(<WaitTimer since={null} now={100_500} thresholds={thresholds} />);
    expect([timer().dataset.seconds, timer().dataset.level]).toEqual(['0', 'ok']);
  });

  it('shows a wait of a day or more in days and hours, in the panel’s language', () => {
    const waited = ((3 * 24 + 2) * 3600 + 5 * 60 + 9) * 1000;
    const { rerender } = render(<WaitTimer since={0} now={waited} thresholds={thresholds} />);
    expect(screen.getByTestId('wait-timer').textContent).toBe('3d 2:05');
    rerender(
      <LocaleProvider value="zh-CN">
        <WaitTimer since={0} now={waited} thresholds={thresholds} />
      </LocaleProvider>,
    );
    expect(screen.getByTestId('wait-timer').textContent).toBe('3天 2:05');
    // The exact count stays on the element.
    expect(screen.getByTestId('wait-timer').dataset.seconds).toBe(String(waited / 1000));
  });

  it('lists the waiting chats longest first once another chat waits; a click switches to it', () => {
    const chat = (tabId: number, waitingSince: number, active = false): ChatSummary => ({
      tabId,
      siteLabel: '京东咚咚',
      buyerName: `buyer${tabId}`,
      conversationId: `b${tabId}`,
      waitingSince,
      active,
    });
    const onFocus = vi.fn();
    const { rerender, container } = render(
      <WaitingChats chats={[chat(1, 0, true)]} now={120_000} thresholds={thresholds} onFocus={onFocus} />,
    );
    expect(container.textContent).toBe('');
    rerender(
      <WaitingChats
        chats={[chat(2, 0), chat(1, 50_000, true)]}
        now={120_000}
        thresholds={thresholds}
        onFocus={onFocus}
      />,
    );
    const items = screen.getAllByTestId('waiting-chat');
    expect(items.map((i) => [i.dataset.tabId, i.dataset.level])).toEqual([
      ['2', 'red'],
      ['1', 'amber'],
    ]);
    fireEvent.click(items[0]!.querySelector('button')!);
    expect(onFocus).toHaveBeenCalledWith(2);
  });

  it('lets the team lead set the thresholds, red not before amber', () => {
    const onSave = vi.fn();
    render(<WaitSettings wait={thresholds} onSave={onSave} />);
    fireEvent.change(screen.getByTestId('wait-amber'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('wait-red'), { target: { value: '2' } });
    expect(screen.getByRole('alert').textContent).toContain('Red cannot come before amber');
    fireEvent.change(screen.getByTestId('wait-red'), { target: { value: '6' } });
    fireEvent.click(screen.getByTestId('wait-save'));
    expect(onSave).toHaveBeenCalledWith(3, 6);
  });
});
