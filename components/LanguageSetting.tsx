import type { UiLanguage } from '@/lib/i18n/locale';
import { UI_LANGUAGES } from '@/lib/i18n/locale';
import { useText } from './text-context';

interface LanguageSettingProps {
  value: UiLanguage;
  onChange(value: UiLanguage): void;
}

/** "Language: Auto (browser) / 中文 / English" for the panel, the options page and the context menu. */
export function LanguageSetting({ value, onChange }: LanguageSettingProps) {
  const t = useText();
  return (
    <section className="language" data-testid="language-setting">
      <h2>{t('language.heading')}</h2>
      <label>
        {t('language.label')}{' '}
        <select
          data-testid="ui-language"
          value={value}
          onChange={(event) => onChange(event.target.value as UiLanguage)}
        >
          {UI_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('language.hint')}</p>
    </section>
  );
}
