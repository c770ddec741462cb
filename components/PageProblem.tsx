import { useText } from './text-context';
import type { PageProblem as Problem } from '@/lib/chats/page-problem';

const WORDS = { 'no-messages': 'problem.noMessages', 'no-composer': 'problem.noComposer' } as const;

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
  const t = useText();
  if (!problem) return null;
  return (
    <p className="notice notice--warn" data-testid="page-problem" data-problem={problem}>
      <span>
        {siteLabel ? t('problem.site', { site: siteLabel }) : ''}
        {t(WORDS[problem])}
        {t('problem.fixBefore')}
        <button type="button" className="link" onClick={onOpenOptions}>
          {t('problem.fixLink')}
        </button>
        {t('problem.fixAfter')}
      </span>
    </p>
  );
}
