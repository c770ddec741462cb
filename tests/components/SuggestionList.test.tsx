// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SuggestionList } from '../../components/SuggestionList';

afterEach(cleanup);

const items = [
  {
    packId: 'p',
    entryId: 'ship-time',
    title: '发货时间',
    text: '亲，48小时内发货哦～',
    score: 0.8,
    missing: [],
    shortcut: '/fh',
    compliance: [],
  },
  {
    packId: 'p',
    entryId: 'refund',
    title: '退款进度',
    text: '订单{{order.id}}退款中',
    score: 0.4,
    missing: ['order.id'],
    compliance: [],
  },
];
const risky = {
  packId: 'p',
  entryId: 'wechat',
  title: '加微信',
  text: '加我微信聊',
  score: 0.5,
  missing: [],
  compliance: ['off-platform' as const],
};

/** The list with nothing selected for confirmation and no-op handlers, unless given. */
function renderList(props: Partial<ComponentProps<typeof SuggestionList>> = {}) {
  const noop = () => {};
  const defaults = { items, selected: 0, inserting: false, confirming: null };
  const handlers = { onInsert: noop, onSelect: noop, onScenarioOn: noop };
  render(<SuggestionList {...defaults} {...handlers} {...props} />);
}

describe('SuggestionList', () => {
  it('renders suggestions in rank order with the stable test hooks', () => {
    renderList();
    const rows = screen.getAllByTestId('suggestion');
    expect(rows.map((row) => row.dataset.entryId)).toEqual(['ship-time', 'refund']);
    expect(rows[0]!.querySelector('[data-testid="insert"]')).not.toBeNull();
    expect(rows[0]!.textContent).toContain('/fh');
  });

  it('calls onInsert with the row index when Insert is clicked', () => {
    const onInsert = vi.fn();
    render(
      <SuggestionList
        items={items}
        selected={0}
        inserting={false}
        confirming={null}
        onInsert={onInsert}
        onSelect={() => {}}
        onScenarioOn={() => {}}
      />,
    );
    fireEvent.click(screen.getAllByTestId('insert')[1]!);
    expect(onInsert).toHaveBeenCalledWith(1);
  });

  it('warns about variables the agent must fill, and disables Insert while inserting', () => {
    render(
      <SuggestionList
        items={items}
        selected={1}
        inserting={true}
        confirming={null}
        onInsert={() => {}}
        onSelect={() => {}}
        onScenarioOn={() => {}}
      />,
    );
    expect(screen.getByTestId('missing').textContent).toContain('order.id');
    expect(screen.getAllByTestId('insert').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getAllByTestId('suggestion')[1]!.getAttribute('aria-current')).toBe('true');
  });

  it('marks a reply that breaks a compliance rule, and says when Insert will write it anyway', () => {
    const { rerender } = render(
      <SuggestionList
        items={[...items, risky]}
        selected={0}
        inserting={false}
        confirming={null}
        onInsert={() => {}}
        onSelect={() => {}}
        onScenarioOn={() => {}}
      />,
    );
    const rows = screen.getAllByTestId('suggestion');
    expect(rows[0]!.querySelector('[data-testid="compliance"]')).toBeNull();
    const mark = rows[2]!.querySelector('[data-testid="compliance"]');
    expect(mark?.textContent).toContain('off-platform');
    expect(mark?.getAttribute('data-rules')).toBe('off-platform');
    rerender(
      <SuggestionList
        items={[...items, risky]}
        selected={2}
        inserting={false}
        confirming={'p\u0000wechat'}
        onInsert={() => {}}
        onSelect={() => {}}
        onScenarioOn={() => {}}
      />,
    );
    expect(screen.getAllByTestId('insert')[2]!.textContent).toContain('anyway');
    expect(screen.getAllByTestId('insert')[0]!.textContent).not.toContain('anyway');
  });

  it('marks an item of a scenario that is off and switches the scenario on from it', () => {
    const onScenarioOn = vi.fn();
    const presale = { ...items[0]!, entryId: 'presale-ship', scenarioOff: { id: 'presale', name: '预售' } };
    render(
      <SuggestionList
        items={[presale, items[1]!]}
        selected={0}
        inserting={false}
        confirming={null}
        onInsert={() => {}}
        onSelect={() => {}}
        onScenarioOn={onScenarioOn}
      />,
    );
    const marks = screen.getAllByTestId('suggestion-scenario-off');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.dataset.scenarioId).toBe('presale');
    expect(marks[0]!.textContent).toContain('预售');
    fireEvent.click(screen.getByTestId('suggestion-scenario-on'));
    expect(onScenarioOn).toHaveBeenCalledWith('presale');
  });

  it('gives the dates of a dated scenario out of its window', () => {
    const scenarioOff = { id: 'black-friday', name: 'Black Friday', from: '2026-11-27', to: '2026-12-01' };
    renderList({ items: [{ ...items[0]!, entryId: 'black-friday', scenarioOff }] });
    expect(screen.getByTestId('suggestion-scenario-off').textContent).toContain(
      'For “Black Friday” (2026-11-27 – 2026-12-01), not running today',
    );
  });
});
