// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardList } from '../../components/CardList';
import { ChatHeader } from '../../components/ChatHeader';
import { ComplaintAlert } from '../../components/ComplaintAlert';
import { EmptyState } from '../../components/EmptyState';
import { NoticeBar } from '../../components/NoticeBar';
import { ScenarioBar } from '../../components/ScenarioBar';
import { SearchBox } from '../../components/SearchBox';

afterEach(cleanup);

describe('panel components', () => {
  it('SearchBox reports what the agent types', () => {
    const onChange = vi.fn();
    render(<SearchBox value="" onChange={onChange} />);
    fireEvent.change(screen.getByTestId('search'), { target: { value: 'fh' } });
    expect(onChange).toHaveBeenCalledWith('fh');
  });

  it('ChatHeader shows the site, buyer and question, or how to start', () => {
    const { rerender } = render(
      <ChatHeader connected siteLabel="京东咚咚" buyerName="jd_小王" question="什么时候发货" />,
    );
    expect(screen.getByTestId('buyer-name').textContent).toBe('jd_小王');
    expect(screen.getByTestId('buyer-question').textContent).toBe('什么时候发货');
    expect(screen.queryByTestId('product')).toBeNull();
    rerender(<ChatHeader connected siteLabel="淘宝/千牛" buyerName="tb_小花" product="栖木 极寒羽绒服" />);
    expect(screen.getByTestId('product').textContent).toContain('栖木 极寒羽绒服');
    rerender(<ChatHeader connected={false} />);
    expect(screen.getByTestId('chat-header').textContent).toContain('No chat open');
  });

  it('ComplaintAlert shows the level and what was found, and nothing without a risk', () => {
    const { rerender, container } = render(
      <ComplaintAlert risk={{ level: 'high', reasons: ['12315', '???'], threats: ['12315'] }} />,
    );
    expect(screen.getByRole('alert').dataset.level).toBe('high');
    expect(screen.getByTestId('complaint-reasons').textContent).toBe('12315 · ???');
    rerender(<ComplaintAlert risk={{ level: 'watch', reasons: ['太坑'], threats: [] }} />);
    expect(screen.getByRole('status').textContent).toContain('Buyer is upset');
    rerender(<ComplaintAlert risk={null} />);
    expect(container.textContent).toBe('');
  });

  it('EmptyState explains each empty reason and renders nothing otherwise', () => {
    const { rerender, container } = render(<EmptyState reason="courtesy" />);
    expect(screen.getByTestId('empty').dataset.reason).toBe('courtesy');
    rerender(<EmptyState reason={null} />);
    expect(container.textContent).toBe('');
  });

  it('NoticeBar shows errors as alerts and can be dismissed', () => {
    const onDismiss = vi.fn();
    render(<NoticeBar notice={{ tone: 'error', text: 'copied to clipboard' }} onDismiss={onDismiss} />);
    expect(screen.getByRole('alert').textContent).toContain('copied to clipboard');
    fireEvent.click(screen.getByLabelText('Dismiss'));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('ScenarioBar toggles manual scenarios for all chats, dated and signal-driven ones for this chat', () => {
    const onToggle = vi.fn();
    const onToggleForChat = vi.fn();
    render(
      <ScenarioBar
        scenarios={[
          { id: 'double11', name: '双11', active: true, dated: true, auto: true, off: false },
          { id: 'presale', name: '预售', active: false, dated: false, auto: false, off: false },
          { id: 'vip', name: 'VIP', active: false, dated: false, auto: true, off: true },
        ]}
        onToggle={onToggle}
        onToggleForChat={onToggleForChat}
      />,
    );
    const toggles = screen.getAllByTestId('scenario-toggle');
    expect(toggles).toHaveLength(1);
    fireEvent.click(toggles[0]!);
    expect(onToggle).toHaveBeenCalledWith('presale');
    const auto = screen.getAllByTestId('scenario-auto');
    expect(auto.map((b) => [b.dataset.scenarioId, b.getAttribute('aria-pressed')])).toEqual([
      ['double11', 'true'],
      ['vip', 'false'],
    ]);
    fireEvent.click(auto[0]!);
    expect(onToggleForChat).toHaveBeenCalledWith('double11');
  });

  it('CardList shows knowledge cards with their hooks', () => {
    render(<CardList cards={[{ entryId: 'fading', title: '褪色处理', text: '冷水手洗' }]} />);
    expect(screen.getByTestId('card').dataset.entryId).toBe('fading');
  });
});
