import { formatWait, waitLevel, waitSeconds, type WaitThresholds } from '@/lib/chats/wait';

interface WaitTimerProps {
  /** When the oldest unanswered buyer message was written (ms), or null when nothing waits. */
  since: number | null | undefined;
  now: number;
  thresholds: WaitThresholds;
}

/** How long the buyer has waited for an answer: green, amber from the first threshold, red from the second. */
export function WaitTimer({ since, now, thresholds }: WaitTimerProps) {
  const seconds = waitSeconds(since, now);
  const level = since == null ? 'ok' : waitLevel(seconds, thresholds);
  return (
    <span
      className="wait-timer"
      data-testid="wait-timer"
      data-seconds={seconds}
      data-level={level}
      title={since == null ? 'Nothing waits for an answer' : 'Time since the oldest unanswered buyer message'}
    >
      {since == null ? '—' : formatWait(seconds)}
    </span>
  );
}
