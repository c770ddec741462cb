/**
 * The language part of a page's store (side panel, options page): the setting and what it resolves to.
 * Components never read it; each App hands `locale` to components/text-context.tsx.
 */
import { resolveLocale, uiLanguageOf, type Locale, type UiLanguage } from '../i18n/locale';

export interface LanguageSlice {
  /** `settings.uiLanguage`. */
  uiLanguage: UiLanguage;
  /** The language the page shows: the setting's, or the browser's for "auto". */
  locale: Locale;
  /** Shows the page in a (stored, or just broadcast) setting's language. */
  showLanguage(setting: unknown): void;
}

/** `browserLanguage`: the browser's UI language (`i18n.getUILanguage()`); absent in tests means English. */
export function createLanguageSlice(
  browserLanguage: (() => string) | undefined,
  set: (state: Pick<LanguageSlice, 'uiLanguage' | 'locale'>) => void,
): LanguageSlice {
  const stateOf = (setting: unknown) => {
    const uiLanguage = uiLanguageOf(setting);
    return { uiLanguage, locale: resolveLocale(uiLanguage, browserLanguage?.()) };
  };
  return {
    ...stateOf('auto'),
    showLanguage: (setting) => set(stateOf(setting)),
  };
}
