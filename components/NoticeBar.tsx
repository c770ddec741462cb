interface NoticeView {
  tone: 'ok' | 'warn' | 'error';
  text: string;
  /** Which route found the composer, for tests and support (not shown). */
  route?: string;
}

/** The outcome of the last insert (or a load error): never silent. */
export function NoticeBar({ notice, onDismiss }: { notice: NoticeView | null; onDismiss(): void }) {
  if (!notice) return null;
  return (
    <div
      className={`notice notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      data-route={notice.route}
    >
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
