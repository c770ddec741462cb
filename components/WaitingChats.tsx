import { useText } from './text-context';
import type { ChatSummary } from '@/lib/chats/types';
import { formatWait, waitLevel, waitSeconds, type WaitThresholds } from '@/lib/chats/wait';

interface WaitingChatsProps {
  /** Chat tabs whose buyers wait, longest first. */
  chats: ChatSummary[];
  now: number;
  thresholds: WaitThresholds;
  onFocus(tabId: number): void;
}

/**
 * The chat tabs whose buyers wait, longest first, as soon as a chat other than the open one waits; a
 * click switches to that tab. The open chat is marked (its clock is also in the header).
 */
export function WaitingChats({ chats, now, thresholds, onFocus }: WaitingChatsProps) {
  const t = useText();
  if (!chats.some((chat) => !chat.active)) return null;
  return (
    <ul className="waiting-chats" data-testid="waiting-chats" aria-label={t('waiting.label')}>
      {chats.map((chat) => {
        const seconds = waitSeconds(chat.waitingSince, now);
        return (
          <li
            key={chat.tabId}
            className="waiting-chat"
            data-testid="waiting-chat"
            data-tab-id={chat.tabId}
            data-seconds={seconds}
            data-level={waitLevel(seconds, thresholds)}
            aria-current={chat.active ? 'true' : undefined}
          >
            <button type="button" onClick={() => onFocus(chat.tabId)} title={t('waiting.switch')}>
              <strong>{chat.buyerName}</strong>
              <span>{chat.siteLabel}</span>
              <span className="wait-timer" data-level={waitLevel(seconds, thresholds)}>
                {formatWait(seconds, (days) => t('wait.days', { days }))}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
