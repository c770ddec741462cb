/**
 * The `_locales/<lang>/messages.json` files the browser reads for the manifest's `__MSG_…__` strings (the
 * extension's name and description in the store and on chrome://extensions), made from the catalogs at
 * build time so the words live in one place.
 */
import type { Locale } from './locale';
import { CATALOGS, type MessageKey } from './translate';

/** The manifest's own keys; chrome's message names allow only letters, digits and `_`. */
const MANIFEST_KEYS = ['manifest.name', 'manifest.description'] as const satisfies readonly MessageKey[];

/** `_locales` folder names are chrome's (`zh_CN`), not BCP 47 (`zh-CN`). */
const FOLDER: Record<Locale, string> = { en: 'en', 'zh-CN': 'zh_CN' };

/** The manifest's placeholder for a key: `__MSG_manifest_name__`. */
export function manifestMessage(key: (typeof MANIFEST_KEYS)[number]): string {
  return `__MSG_${key.replace('.', '_')}__`;
}

export function manifestLocaleFiles(): Array<{ relativeDest: string; contents: string }> {
  return (Object.keys(CATALOGS) as Locale[]).map((locale) => {
    const messages = Object.fromEntries(
      // `$` starts a substitution in messages.json: written `$$` it stays a dollar sign.
      MANIFEST_KEYS.map((key) => [key.replace('.', '_'), { message: CATALOGS[locale][key].replaceAll('$', '$$$$') }]),
    );
    return {
      relativeDest: `_locales/${FOLDER[locale]}/messages.json`,
      contents: `${JSON.stringify(messages, null, 2)}\n`,
    };
  });
}
