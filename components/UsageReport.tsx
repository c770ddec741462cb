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
  const funnel = report.funnel ?? [];
  const first = report.firstReply;
  return (
    <div className="usage__charts">
      <h3>Reply funnel</h3>
      {funnel.length === 0 ? (
        <p>No replies suggested yet.</p>
      ) : (
        <BarChart
          testId="usage-chart"
          data={{
            title: 'Per entry: suggested → inserted → edited before sending / sent as is',
            categories: funnel.map((r) => r.title),
            series: FUNNEL_SERIES,
            values: funnel.map((r) => [r.suggested, r.inserted, r.edited, r.sent]),
          }}
        />
      )}
      <h3>Time to first reply</h3>
      <p data-testid="usage-first-reply">
        {first?.chats ?? 0} chats · median {seconds(first?.medianMs)} · 90th percentile {seconds(first?.p90Ms)}
      </p>
      {first && first.chats > 0 && (
        <BarChart
          testId="usage-wait-chart"
          data={{
            title: 'Chats by time to first reply',
            categories: first.buckets.map((b) => b.label),
            series: [{ name: 'chats', color: '#3b73b9' }],
            values: first.buckets.map((b) => [b.count]),
          }}
        />
      )}
    </div>
  );
}

const WINDOWS = [1, 7, 30, 90];

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
  const [agent, setAgent] = useState('');
  const agentName = agent.trim() || 'agent';
  return (
    <section className="usage" data-testid="usage-report">
      <h2>Usage on this computer</h2>
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
            Keep a usage log (buyer words are stored redacted, for {retentionDays} days)
          </label>
        )}{' '}
        {onLogging && loggingLocked && <PolicyLock />}{' '}
        {onExport && (
          <>
            <button type="button" data-testid="usage-log-export-ndjson" onClick={() => onExport('ndjson', agentName)}>
              Export the log (NDJSON)
            </button>{' '}
            <button type="button" data-testid="usage-log-export-csv" onClick={() => onExport('csv', agentName)}>
              Export the log (CSV)
            </button>{' '}
          </>
        )}
        {onClear && (
          <button
            type="button"
            data-testid="usage-clear"
            onClick={() => {
              if (confirm('Delete the whole usage log on this computer?')) onClear();
            }}
          >
            Clear the log
          </button>
        )}
      </p>
      <label>
        Last{' '}
        <select data-testid="usage-days" value={days} onChange={(e) => onDays(Number(e.target.value))}>
          {WINDOWS.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? '24 hours' : `${d} days`}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" data-testid="usage-export-csv" disabled={!report} onClick={() => onExportCsv?.()}>
        Download CSV
      </button>{' '}
      <label>
        Agent{' '}
        <input
          data-testid="usage-agent"
          value={agent}
          placeholder="name in the team report"
          onChange={(e) => setAgent(e.target.value)}
        />
      </label>{' '}
      <button type="button" data-testid="usage-export-log" onClick={() => onExportLog?.(agentName)}>
        Export log (NDJSON)
      </button>
      {!report ? (
        <p>Loading…</p>
      ) : (
        <>
          <p data-testid="usage-totals">
            {report.totals.inserted} replies inserted, {report.totals.copied} copied (the page refused them),{' '}
            {report.totals.unanswered} buyer questions without a suggestion, {report.totals.complaints} complaint risks
            flagged.
          </p>
          <FunnelCharts report={report} />
          <div className="usage__columns">
            <div>
              <h3>Replies used</h3>
              {report.replies.length === 0 ? (
                <p>None yet.</p>
              ) : (
                <table className="usage__table">
                  <thead>
                    <tr>
                      <th>Reply</th>
                      <th>Inserted</th>
                      <th>Copied</th>
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
              <h3>Questions with no answer in the packs</h3>
              {report.unanswered.length === 0 ? (
                <p>None yet.</p>
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
          <h3>Complaint risks flagged</h3>
          {report.complaints.length === 0 ? (
            <p>None.</p>
          ) : (
            <ol className="usage__questions">
              {report.complaints.map((c) => (
                <li key={`${c.at}-${c.question}`} data-testid="usage-complaint" data-level={c.level}>
                  <span className={c.level === 'high' ? 'error' : undefined}>
                    {c.level === 'high' ? 'high' : 'upset'}: {c.question}
                  </span>
                  <small>
                    {' '}
                    ({c.reasons.join(' · ')}){c.platform ? ` · ${c.platform}` : ''} · {new Date(c.at).toLocaleString()}
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
