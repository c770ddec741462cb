/**
 * Saying a message in a locale: typed keys (a key missing from a catalog is a type error), typed
 * `{placeholders}` (read from the English text), and `Message`s a store keeps so the page says them in
 * whichever language it shows when it draws them.
 */
import type { Locale } from './locale';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';

export type MessageKey = keyof typeof en;

/** The `{name}`s in a message text. */
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

export type Placeholder<K extends MessageKey> = PlaceholdersIn<(typeof en)[K]>;

/** The values for a key's placeholders: none, or an object with exactly those names. */
export type ParamsFor<K extends MessageKey> = [Placeholder<K>] extends [never]
  ? []
  : [params: Record<Placeholder<K>, ParamValue>];

/** A placeholder's value: data as it is, or a message said in the same locale. */
export type ParamValue = string | number | Message;

/** Keys written as a pair `<base>.one` / `<base>.other`, chosen by a count. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

/** A message to say later in the page's language. */
export interface Message {
  key: MessageKey;
  params?: Record<string, ParamValue>;
}

/** What a store keeps for the page to say: text shown as it is (data, errors from elsewhere), a message, or parts in a row. */
export type Text = string | Message | readonly Text[];

export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function message<K extends MessageKey>(key: K, ...params: ParamsFor<K>): Message {
  return params[0] ? { key, params: params[0] } : { key };
}

/** Fills `{name}`s from `params`; one without a value stays as it is (easier to see than an empty gap). */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export interface Translate {
  <K extends MessageKey>(key: K, ...params: ParamsFor<K>): string;
  /** The `.one` or `.other` form for `params.count`, by the locale's plural rules. */
  plural<B extends PluralKey>(base: B, params: Record<Placeholder<`${B}.other` & MessageKey>, ParamValue>): string;
  /** A stored `Text` in this locale. */
  text(value: Text): string;
  locale: Locale;
}

const translators = new Map<Locale, Translate>();

/** The translator for a locale (one per locale, so components can use it as a stable value). */
export function translator(locale: Locale): Translate {
  const known = translators.get(locale);
  if (known) return known;
  const catalog = CATALOGS[locale];
  const rules = new Intl.PluralRules(locale);
  const say = (key: MessageKey, params: Record<string, ParamValue> = {}): string =>
    fill(
      catalog[key] ?? en[key],
      Object.fromEntries(Object.entries(params).map(([name, v]) => [name, typeof v === 'object' ? text(v) : v])),
    );
  const text = (value: Text): string =>
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.map(text).join('')
        : say((value as Message).key, (value as Message).params);
  const t = Object.assign(<K extends MessageKey>(key: K, ...params: ParamsFor<K>) => say(key, params[0]), {
    plural: (base: PluralKey, params: Record<string, ParamValue>) =>
      say(`${base}.${rules.select(Number(params.count)) === 'one' ? 'one' : 'other'}` as MessageKey, params),
    text,
    locale,
  }) as Translate;
  translators.set(locale, t);
  return t;
}
