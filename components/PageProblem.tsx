import type { PageProblem as Problem } from '@/lib/chats/page-problem';

const WORDS: Record<Exclude<Problem, null>, string> = {
  'no-messages': 'Huashu can’t find the messages on this page (no conversation open, or the page changed).',
  'no-composer':
    'Huashu can’t find the message box on this page: click into it once, or Insert copies the reply instead.',
};

/** A chat page Huashu cannot fully read or write, in words, with the way to the selector overrides. */
export function PageProblem({
  problem,
  siteLabel,
  onOpenOptions,
}: {
  problem: Problem;
  siteLabel?: string;
  onOpenOptions(): void;
}) {
  if (!problem) return null;
  return (
    <p className="notice notice--warn" data-testid="page-problem" data-problem={problem}>
      <span>
        {siteLabel ? `${siteLabel}: ` : ''}
        {WORDS[problem]} The team lead can set its selectors under{' '}
        <button type="button" className="link" onClick={onOpenOptions}>
          Options → Selector overrides
        </button>
        .
      </span>
    </p>
  );
}
