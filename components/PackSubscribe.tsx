import { useState, type FormEvent } from 'react';

interface PackSubscribeProps {
  busy: boolean;
  onSubscribe(url: string): void;
}

/** Subscribes to a pack a team lead publishes at a URL; the background then checks it every hour. */
export function PackSubscribe({ busy, onSubscribe }: PackSubscribeProps) {
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubscribe(url.trim());
  };
  return (
    // noValidate: the background says what is wrong with an address, in the import report, in words.
    <form className="import__url" onSubmit={submit} noValidate>
      <label>
        <span>Subscribe to a pack URL (checked every hour; the same formats as files)</span>
        <input
          type="url"
          placeholder="https://example.com/packs/shop.json"
          value={url}
          data-testid="pack-url-input"
          disabled={busy}
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <button type="submit" data-testid="pack-url-add" disabled={busy}>
        Subscribe
      </button>
    </form>
  );
}
