import { useText } from './text-context';
import type { Text } from '@/lib/i18n/translate';

interface NoticeView {
  tone: 'ok' | 'warn' | 'error';
  text: Text;
  /** Which route found the composer, for tests and support (not shown). */
  route?: string;
}

/** The outcome of the last insert (or a load error): never silent. */
export function NoticeBar({ notice, onDismiss }: { notice: NoticeView | null; onDismiss(): void }) {
  const t = useText();
  if (!notice) return null;
  return (
    <div
      className={`notice notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      data-route={notice.route}
    >
      <span>{t.text(notice.text)}</span>
      <button type="button" aria-label={t('notice.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
