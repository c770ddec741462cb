/** Which language the extension's own pages speak: the setting, and the language it resolves to. */

/** The languages the UI is written in (catalogs in ./messages). */
export type Locale = 'en' | 'zh-CN';

/** The setting: follow the browser, or one language whatever the browser says. */
export type UiLanguage = 'auto' | Locale;

export const UI_LANGUAGES: readonly UiLanguage[] = ['auto', 'zh-CN', 'en'];

/** A stored value, or one from an older build: anything unknown follows the browser. */
export function uiLanguageOf(value: unknown): UiLanguage {
  return UI_LANGUAGES.includes(value as UiLanguage) ? (value as UiLanguage) : 'auto';
}

/**
 * The language to show: the setting's, or for "auto" the browser's UI language — any Chinese (zh, zh-CN,
 * zh-TW, zh-Hans-SG) shows Chinese, everything else English.
 */
export function resolveLocale(setting: UiLanguage | undefined, browserLanguage: string | undefined): Locale {
  const chosen = uiLanguageOf(setting);
  if (chosen !== 'auto') return chosen;
  return /^zh(?:[-_]|$)/i.test(browserLanguage ?? '') ? 'zh-CN' : 'en';
}
