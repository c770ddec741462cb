import { useText } from './text-context';
import { useState } from 'react';
import { translator, type Translate } from '@/lib/i18n/translate';
import type { SiteSelectors } from '@/lib/state/options/types';

interface SelectorOverridesProps {
  sites: SiteSelectors[];
  overrides: Record<string, Record<string, string>>;
  onSave(platform: string, overrides: Record<string, string>): void;
}

/** Checks an override text: a JSON object of known selector names → valid CSS selectors. */
export function parseOverrides(
  text: string,
  known: Record<string, string>,
  doc: Document,
  t: Translate = translator('en'),
): { value?: Record<string, string>; error?: string } {
  if (!text.trim()) return { value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: t('selectors.notJson', { error: (error as Error).message }) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { error: t('selectors.notObject') };
  const value: Record<string, string> = {};
  for (const [key, selector] of Object.entries(parsed)) {
    if (!(key in known)) return { error: t('selectors.unknown', { key, known: Object.keys(known).join(', ') }) };
    if (typeof selector !== 'string') return { error: t('selectors.notString', { key }) };
    try {
      doc.querySelector(selector);
    } catch {
      return { error: t('selectors.invalid', { key, selector }) };
    }
    value[key] = selector;
  }
  return { value };
}

/**
 * When a chat site changes its page, a team lead can point an adapter at the new elements here,
 * without waiting for a release. Chat tabs use the change after a reload.
 */
export function SelectorOverrides({ sites, overrides, onSave }: SelectorOverridesProps) {
  const t = useText();
  const [platform, setPlatform] = useState(sites[0]?.platform ?? '');
  const site = sites.find((s) => s.platform === platform);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  if (!site) return null;
  const current = overrides[platform] ?? {};
  const draft = drafts[platform] ?? (Object.keys(current).length ? JSON.stringify(current, null, 2) : '');
  const save = () => {
    const result = parseOverrides(draft, site.defaults, document, t);
    if (result.error) {
      setError(result.error);
      return;
    }
    setError(null);
    onSave(platform, result.value!);
  };
  return (
    <section className="selectors">
      <h2>{t('selectors.heading')}</h2>
      <label>
        {t('selectors.site')}{' '}
        <select value={platform} onChange={(event) => setPlatform(event.target.value)} data-testid="selector-site">
          {sites.map((s) => (
            <option key={s.platform} value={s.platform}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <details>
        <summary>{t('selectors.builtIn')}</summary>
        <pre>{JSON.stringify(site.defaults, null, 2)}</pre>
      </details>
      <textarea
        data-testid="selector-overrides"
        rows={6}
        value={draft}
        placeholder='{ "composer": ".new-editor [contenteditable]" }'
        onChange={(event) => setDrafts({ ...drafts, [platform]: event.target.value })}
      />
      {error && (
        <p className="error" role="alert" data-testid="selector-error">
          {error}
        </p>
      )}
      <button type="button" onClick={save} data-testid="selector-save">
        {t('selectors.save')}
      </button>
      <p className="hint">{t('selectors.hint')}</p>
    </section>
  );
}
