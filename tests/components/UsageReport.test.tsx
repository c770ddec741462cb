// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageReport } from '../../components/UsageReport';

afterEach(cleanup);

const report = {
  since: 0,
  days: 7,
  totals: { inserted: 5, copied: 1, unanswered: 3, complaints: 1 },
  replies: [
    { packId: 'p', entryId: 'ship-time', title: '发货时间', inserted: 4, copied: 0 },
    { packId: 'p', entryId: 'refund', title: '退款进度', inserted: 1, copied: 1 },
  ],
  unanswered: [{ question: '能开专票吗', count: 2, lastAt: 0, platforms: ['jd', 'taobao'] }],
  complaints: [{ question: '再不发货我就投诉', level: 'high' as const, reasons: ['投诉'], at: 0, platform: 'jd' }],
};

describe('UsageReport', () => {
  it('lists the replies used, most first, and the questions nothing answered', () => {
    render(<UsageReport report={report} days={7} onDays={() => {}} />);
    expect(screen.getByTestId('usage-totals').textContent).toContain('5 replies inserted, 1 copied');
    expect(screen.getAllByTestId('usage-reply').map((row) => row.getAttribute('data-entry-id'))).toEqual([
      'ship-time',
      'refund',
    ]);
    expect(screen.getByTestId('usage-unanswered').textContent).toBe('能开专票吗 ×2 · jd, taobao');
    expect(screen.getByTestId('usage-complaint').dataset.level).toBe('high');
    expect(screen.getByTestId('usage-complaint').textContent).toContain('high: 再不发货我就投诉 (投诉) · jd');
    expect(screen.getByTestId('usage-totals').textContent).toContain('1 complaint risks flagged');
  });

  it('says when there is nothing yet, and changes the window', () => {
    const onDays = vi.fn();
    render(
      <UsageReport
        report={{
          ...report,
          replies: [],
          unanswered: [],
          complaints: [],
          totals: { inserted: 0, copied: 0, unanswered: 0, complaints: 0 },
        }}
        days={7}
        onDays={onDays}
      />,
    );
    expect(screen.getAllByText('None yet.')).toHaveLength(2);
    expect(screen.getByText('None.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('usage-days'), { target: { value: '30' } });
    expect(onDays).toHaveBeenCalledWith(30);
  });
});
