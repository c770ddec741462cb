import { useText } from './text-context';
import { useState, type FormEvent } from 'react';

interface PackSubscribeProps {
  busy: boolean;
  /** `publicKey`: the team key to pin ('' when the field was left empty). */
  onSubscribe(url: string, publicKey: string): void;
}

/**
 * Subscribes to a pack a team lead publishes at a URL; the background then checks it every hour. With
 * the team's public key (what `kpack sign` printed), only files signed with that key are accepted.
 */
export function PackSubscribe({ busy, onSubscribe }: PackSubscribeProps) {
  const t = useText();
  const [url, setUrl] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubscribe(url.trim(), publicKey.trim());
  };
  return (
    // noValidate: the background says what is wrong with an address or a key, in the import report, in words.
    <form className="import__url" onSubmit={submit} noValidate>
      <label>
        <span>{t('subscribe.label')}</span>
        <input
          type="url"
          placeholder="https://example.com/packs/shop.json"
          value={url}
          data-testid="pack-url-input"
          disabled={busy}
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <label>
        <span>{t('subscribe.publicKey')}</span>
        <input
          type="text"
          placeholder={t('subscribe.publicKeyPlaceholder')}
          value={publicKey}
          spellCheck={false}
          autoComplete="off"
          data-testid="subscribe-public-key"
          disabled={busy}
          onChange={(event) => setPublicKey(event.target.value)}
        />
      </label>
      <button type="submit" data-testid="pack-url-add" disabled={busy}>
        {t('subscribe.button')}
      </button>
    </form>
  );
}
