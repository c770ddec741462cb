import { useText } from './text-context';
import type { ReactNode } from 'react';

interface ChatHeaderProps {
  siteLabel?: string;
  buyerName?: string;
  /** The buyer text the suggestions answer. */
  question?: string;
  /** The product the suggestions are ranked for (the last product card, else the product bar). */
  product?: string | null;
  connected: boolean;
  /** Beside the buyer's name: the wait timer. */
  children?: ReactNode;
}

/** Which chat the panel reads, and what the buyer asked. */
export function ChatHeader({ siteLabel, buyerName, question, product, connected, children }: ChatHeaderProps) {
  const t = useText();
  if (!connected) {
    return (
      <header className="chat-header chat-header--idle" data-testid="chat-header">
        <strong>{t('chat.none')}</strong>
        <span>{t('chat.noneHint')}</span>
      </header>
    );
  }
  return (
    <header className="chat-header" data-testid="chat-header">
      <div className="chat-header__who">
        <span className="chat-header__site">{siteLabel}</span>
        {buyerName && <strong data-testid="buyer-name">{buyerName}</strong>}
        {children}
      </div>
      {product && (
        <div className="chat-header__product" data-testid="product" title={product}>
          {t('chat.item', { product })}
        </div>
      )}
      {question && (
        <blockquote className="chat-header__question" data-testid="buyer-question">
          {question}
        </blockquote>
      )}
    </header>
  );
}
