import { useText } from './text-context';
import { useState } from 'react';
import { FUNNEL_SERIES } from '@/lib/charts/bars';
import type { UsageReport as Report } from '@/lib/usage/report';
import { BarChart } from './BarChart';
import { PolicyLock } from './PolicyLock';

interface UsageReportProps {
  report: Report | null;
  days: number;
  onDays(days: number): void;
  /** Whether the log records events; the controls below show only when their callbacks are given. */
  logging?: boolean;
  /** The organisation's policy sets logging (and how long events are kept): the switch is disabled. */
  loggingLocked?: boolean;
  /** Days events are kept (90 unless the organisation's policy says otherwise). */
  retentionDays?: number;
  onLogging?(on: boolean): void;
  onClear?(): void;
  /** Downloads the redacted log, each event naming the agent typed below (docs/USAGE-LOG.md). */
  onExport?(format: 'ndjson' | 'csv', agent: string): void;
  /** Downloads the report's tables as CSV. */
  onExportCsv?(): void;
  /** The same NDJSON download, offered beside the agent's name (for `kpack report`). */
  onExportLog?(agent: string): void;
}

const seconds = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '—' : `${Math.round(ms / 1000)} s`;

/** The funnel per entry and the time to first reply, as charts. */
function FunnelCharts({ report }: { report: Report }) {
  const t = useText();
  const funnel = report.funnel ?? [];
  const first = report.firstReply;
  return (
    <div className="usage__charts">
      <h3>{t('usage.funnel')}</h3>
      {funnel.length === 0 ? (
        <p>{t('usage.noSuggestions')}</p>
      ) : (
        <BarChart
          testId="usage-chart"
          data={{
            title: t('usage.funnelChart'),
            categories: funnel.map((r) => r.title),
            series: FUNNEL_SERIES.map((s, i) => ({ ...s, name: t(SERIES_NAMES[i]!) })),
            values: funnel.map((r) => [r.suggested, r.inserted, r.edited, r.sent]),
          }}
        />
      )}
      <h3>{t('usage.firstReply')}</h3>
      <p data-testid="usage-first-reply">
        {t('usage.firstReplyLine', {
          chats: first?.chats ?? 0,
          median: seconds(first?.medianMs),
          p90: seconds(first?.p90Ms),
        })}
      </p>
      {first && first.chats > 0 && (
        <BarChart
          testId="usage-wait-chart"
          data={{
            title: t('usage.waitChart'),
            categories: first.buckets.map((b) => b.label),
            series: [{ name: t('usage.series.chats'), color: '#3b73b9' }],
            values: first.buckets.map((b) => [b.count]),
          }}
        />
      )}
    </div>
  );
}

const WINDOWS = [1, 7, 30, 90];

/** FUNNEL_SERIES's names, in its order (the CLI's report.html keeps the English ones). */
const SERIES_NAMES = [
  'usage.series.suggested',
  'usage.series.inserted',
  'usage.series.edited',
  'usage.series.sent',
] as const;

/**
 * The team lead's view of the local usage log: replies agents use, buyer questions nothing answers, and
 * buyers the panel flagged as about to complain.
 */
export function UsageReport({
  report,
  days,
  onDays,
  logging,
  loggingLocked,
  retentionDays = 90,
  onLogging,
  onClear,
  onExport,
  onExportCsv,
  onExportLog,
}: UsageReportProps) {
  const t = useText();
  const [agent, setAgent] = useState('');
  const agentName = agent.trim() || 'agent';
  return (
    <section className="usage" data-testid="usage-report">
      <h2>{t('usage.heading')}</h2>
      {/* What the log holds is documented in docs/PRIVACY.md: buyer words only redacted, 90 days at most. */}
      <p className="usage__controls">
        {onLogging && (
          <label>
            <input
              type="checkbox"
              data-testid="usage-logging"
              checked={logging !== false}
              disabled={loggingLocked}
              onChange={(e) => onLogging(e.target.checked)}
            />{' '}
            {t('usage.logging', { days: retentionDays })}
          </label>
        )}{' '}
        {onLogging && loggingLocked && <PolicyLock />}{' '}
        {onExport && (
          <>
            <button type="button" data-testid="usage-log-export-ndjson" onClick={() => onExport('ndjson', agentName)}>
              {t('usage.exportNdjson')}
            </button>{' '}
            <button type="button" data-testid="usage-log-export-csv" onClick={() => onExport('csv', agentName)}>
              {t('usage.exportCsv')}
            </button>{' '}
          </>
        )}
        {onClear && (
          <button
            type="button"
            data-testid="usage-clear"
            onClick={() => {
              if (confirm(t('usage.clearConfirm'))) onClear();
            }}
          >
            {t('usage.clear')}
          </button>
        )}
      </p>
      <label>
        {t('usage.last')}{' '}
        <select data-testid="usage-days" value={days} onChange={(e) => onDays(Number(e.target.value))}>
          {WINDOWS.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? t('usage.hours24') : t('usage.days', { count: d })}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" data-testid="usage-export-csv" disabled={!report} onClick={() => onExportCsv?.()}>
        {t('usage.downloadCsv')}
      </button>{' '}
      <label>
        {t('usage.agent')}{' '}
        <input
          data-testid="usage-agent"
          value={agent}
          placeholder={t('usage.agentPlaceholder')}
          onChange={(e) => setAgent(e.target.value)}
        />
      </label>{' '}
      <button type="button" data-testid="usage-export-log" onClick={() => onExportLog?.(agentName)}>
        {t('usage.exportLog')}
      </button>
      {!report ? (
        <p>{t('usage.loading')}</p>
      ) : (
        <>
          <p data-testid="usage-totals">{t('usage.totals', report.totals)}</p>
          <FunnelCharts report={report} />
          <div className="usage__columns">
            <div>
              <h3>{t('usage.repliesUsed')}</h3>
              {report.replies.length === 0 ? (
                <p>{t('usage.noneYet')}</p>
              ) : (
                <table className="usage__table">
                  <thead>
                    <tr>
                      <th>{t('usage.reply')}</th>
                      <th>{t('usage.inserted')}</th>
                      <th>{t('usage.copied')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.replies.map((r) => (
                      <tr key={`${r.packId}/${r.entryId}`} data-testid="usage-reply" data-entry-id={r.entryId}>
                        <td title={`${r.packId} / ${r.entryId}`}>{r.title}</td>
                        <td>{r.inserted}</td>
                        <td>{r.copied}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            <div>
              <h3>{t('usage.unanswered')}</h3>
              {report.unanswered.length === 0 ? (
                <p>{t('usage.noneYet')}</p>
              ) : (
                <ol className="usage__questions">
                  {report.unanswered.map((q) => (
                    <li key={q.question} data-testid="usage-unanswered">
                      <span>{q.question}</span>
                      <small>
                        {' '}
                        ×{q.count}
                        {q.platforms.length > 0 ? ` · ${q.platforms.join(', ')}` : ''}
                      </small>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </div>
          <h3>{t('usage.complaints')}</h3>
          {report.complaints.length === 0 ? (
            <p>{t('usage.none')}</p>
          ) : (
            <ol className="usage__questions">
              {report.complaints.map((c) => (
                <li key={`${c.at}-${c.question}`} data-testid="usage-complaint" data-level={c.level}>
                  <span className={c.level === 'high' ? 'error' : undefined}>
                    {t(c.level === 'high' ? 'usage.level.high' : 'usage.level.watch')}: {c.question}
                  </span>
                  <small>
                    {' '}
                    ({c.reasons.join(' · ')}){c.platform ? ` · ${c.platform}` : ''} ·{' '}
                    {new Date(c.at).toLocaleString(t.locale)}
                  </small>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
