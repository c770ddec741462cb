import { useText } from './text-context';
import { formatWait, waitLevel, waitSeconds, type WaitThresholds } from '@/lib/chats/wait';

interface WaitTimerProps {
  /** When the oldest unanswered buyer message was written (ms), or null when nothing waits. */
  since: number | null | undefined;
  now: number;
  thresholds: WaitThresholds;
}

/** How long the buyer has waited for an answer: green, amber from the first threshold, red from the second. */
export function WaitTimer({ since, now, thresholds }: WaitTimerProps) {
  const t = useText();
  const seconds = waitSeconds(since, now);
  const level = since == null ? 'ok' : waitLevel(seconds, thresholds);
  return (
    <span
      className="wait-timer"
      data-testid="wait-timer"
      data-seconds={seconds}
      data-level={level}
      title={t(since == null ? 'wait.nothing' : 'wait.since')}
    >
      {since == null ? '—' : formatWait(seconds, (days) => t('wait.days', { days }))}
    </span>
  );
}
