import { useText } from './text-context';
type EmptyReason = 'no-packs' | 'no-chat' | 'courtesy' | 'no-match' | 'no-hits' | null;

/** Why the list is empty, in words the agent can act on. */
export function EmptyState({ reason }: { reason: EmptyReason }) {
  const t = useText();
  if (!reason) return null;
  return (
    <p className="empty" data-testid="empty" data-reason={reason}>
      {t(`empty.${reason}`)}
    </p>
  );
}
