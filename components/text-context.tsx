import { createContext, useContext } from 'react';
import type { Locale } from '@/lib/i18n/locale';
import { translator, type Translate } from '@/lib/i18n/translate';

/** The locale the page shows; each page's App provides it from its store. English when none does (tests). */
const LocaleContext = createContext<Locale>('en');

export const LocaleProvider = LocaleContext.Provider;

/** The page's words: `t('key', { placeholder })`, `t.plural(…)`, `t.text(stored)`. */
export function useText(): Translate {
  return translator(useContext(LocaleContext));
}
