import { useText } from './text-context';
import type { Text } from '@/lib/i18n/translate';

/** The page's last error, announced to screen readers; nothing when there is none. */
export function ErrorBanner({ message }: { message: Text | null }) {
  const t = useText();
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {t.text(message)}
    </p>
  );
}
