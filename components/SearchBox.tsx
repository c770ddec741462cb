import { useText } from './text-context';
import type { KeyboardEvent } from 'react';

interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
}

/** The agent's own search: Chinese, pinyin (fahuo) or initials (fh), shortcuts (/fh), English. */
export function SearchBox({ value, onChange, onKeyDown }: SearchBoxProps) {
  const t = useText();
  return (
    <div className="search">
      <input
        data-testid="search"
        type="search"
        value={value}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
