type EmptyReason = 'no-packs' | 'no-chat' | 'courtesy' | 'no-match' | 'no-hits' | null;

const MESSAGES: Record<Exclude<EmptyReason, null>, string> = {
  'no-packs': 'No knowledge pack is enabled. Import or enable one in the options page.',
  'no-chat': 'Waiting for a buyer message in the chat tab.',
  courtesy: 'Greeting or thanks only — nothing to suggest. Reply in your own words.',
  'no-match': 'No confident answer in the knowledge pack. Search below, or answer yourself.',
  'no-hits': 'Nothing found for this search.',
};

/** Why the list is empty, in words the agent can act on. */
export function EmptyState({ reason }: { reason: EmptyReason }) {
  if (!reason) return null;
  return (
    <p className="empty" data-testid="empty" data-reason={reason}>
      {MESSAGES[reason]}
    </p>
  );
}
