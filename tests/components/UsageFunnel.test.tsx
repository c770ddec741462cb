// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageReport } from '../../components/UsageReport';
import { createOptionsStore } from '../../lib/state/options/store';
import { buildUsageReport } from '../../lib/usage/report';
import { optionsServices } from '../helpers/options';

afterEach(cleanup);

const report = buildUsageReport(
  [
    { at: 1, type: 'suggested', packId: 'p', entryId: 'ship' },
    { at: 2, type: 'suggested', packId: 'p', entryId: 'ship' },
    { at: 3, type: 'inserted', packId: 'p', entryId: 'ship' },
    { at: 4, type: 'edited', packId: 'p', entryId: 'ship' },
    { at: 5, type: 'suggested', packId: 'p', entryId: 'size' },
    { at: 6, type: 'first_reply', waitMs: 20_000 },
    { at: 7, type: 'first_reply', waitMs: 150_000 },
  ],
  (_p, e) => (e === 'ship' ? '发货时间' : undefined),
  100,
);

describe('usage funnel chart and exports', () => {
  it('draws the funnel per entry and the first-reply times, and offers CSV and NDJSON downloads', () => {
    const onExportCsv = vi.fn();
    const onExportLog = vi.fn();
    render(
      <UsageReport report={report} days={7} onDays={() => {}} onExportCsv={onExportCsv} onExportLog={onExportLog} />,
    );
    const chart = screen.getByTestId('usage-chart');
    // Two entries × four steps; the zero-length bars are drawn too.
    expect(chart.querySelectorAll('[data-testid=chart-bar]')).toHaveLength(8);
    expect(chart.querySelector('rect title')!.textContent).toBe('发货时间 — suggested: 2');
    expect(screen.getByTestId('usage-first-reply').textContent).toBe('2 chats · median 150 s · 90th percentile 150 s');
    expect(screen.getByTestId('usage-wait-chart')).toBeTruthy();
    fireEvent.click(screen.getByTestId('usage-export-csv'));
    fireEvent.change(screen.getByTestId('usage-agent'), { target: { value: ' li ' } });
    fireEvent.click(screen.getByTestId('usage-export-log'));
    expect(onExportCsv).toHaveBeenCalledOnce();
    expect(onExportLog).toHaveBeenCalledWith('li');
  });

  it('the store downloads the report as CSV and the log as NDJSON', async () => {
    const download = vi.fn();
    const store = createOptionsStore(
      optionsServices({
        usageReport: vi.fn(async () => report),
        exportUsage: vi.fn(async (format: 'ndjson' | 'csv', agent: string) =>
          format === 'csv' ? `v,agent\r\n1,${agent}\r\n` : `{"v":1,"agent":"${agent}"}\n`,
        ),
        download,
      }),
    );
    await store.getState().loadUsage();
    store.getState().exportUsageCsv();
    expect(download).toHaveBeenLastCalledWith(
      expect.stringMatching(/^huashu-usage-7d-\d{4}-\d\d-\d\d\.csv$/),
      expect.stringContaining('p,ship,发货时间,2,1,1,0'),
      'text/csv',
    );
    await store.getState().exportUsageLog('li wang');
    expect(download).toHaveBeenLastCalledWith(
      expect.stringMatching(/^huashu-usage-li_wang-.*\.ndjson$/),
      '{"v":1,"agent":"li wang"}\n',
      'application/x-ndjson',
    );
    // "Export the log (CSV)": the same events, the same writer, as a spreadsheet.
    await store.getState().exportUsage('csv', 'li');
    expect(download).toHaveBeenLastCalledWith(
      expect.stringMatching(/^huashu-usage-li-.*\.csv$/),
      'v,agent\r\n1,li\r\n',
      'text/csv',
    );
  });
});
