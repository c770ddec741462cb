import type { KeyboardEvent } from 'react';

interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
}

/** The agent's own search: Chinese, pinyin (fahuo) or initials (fh), shortcuts (/fh), English. */
export function SearchBox({ value, onChange, onKeyDown }: SearchBoxProps) {
  return (
    <div className="search">
      <input
        data-testid="search"
        type="search"
        value={value}
        placeholder="搜索话术：发货 · fahuo · fh · /fh · refund"
        aria-label="Search replies"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
