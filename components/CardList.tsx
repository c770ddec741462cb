import { useText } from './text-context';
interface CardView {
  entryId: string;
  title: string;
  text: string;
}

/** Knowledge cards for the agent (never inserted as they are). */
export function CardList({ cards }: { cards: CardView[] }) {
  const t = useText();
  if (cards.length === 0) return null;
  return (
    <section className="cards" aria-label={t('cards.label')}>
      {cards.map((card) => (
        <article key={card.entryId} className="card" data-testid="card" data-entry-id={card.entryId}>
          <h3>{t('cards.title', { title: card.title })}</h3>
          <p>{card.text}</p>
        </article>
      ))}
    </section>
  );
}
