interface SuggestionView {
  entryId: string;
  title: string;
  text: string;
  score: number;
  missing: string[];
  shortcut?: string;
}

interface SuggestionListProps {
  items: SuggestionView[];
  selected: number;
  inserting: boolean;
  onInsert(index: number): void;
  onSelect(index: number): void;
}

/** Ranked replies, best first; a click on Insert (or keys 1–9) writes one into the chat composer. */
export function SuggestionList({ items, selected, inserting, onInsert, onSelect }: SuggestionListProps) {
  return (
    <ol className="suggestions" aria-label="Suggested replies">
      {items.map((item, index) => (
        <li
          key={item.entryId + index}
          className={index === selected ? 'suggestion suggestion--selected' : 'suggestion'}
          data-testid="suggestion"
          data-entry-id={item.entryId}
          aria-current={index === selected}
          onMouseEnter={() => onSelect(index)}
        >
          <div className="suggestion__head">
            <span className="suggestion__key">{index < 9 ? index + 1 : ''}</span>
            <span className="suggestion__title">{item.title}</span>
            {item.shortcut && <code className="suggestion__shortcut">{item.shortcut}</code>}
            <meter className="suggestion__score" min={0} max={1} value={item.score} title={`score ${item.score}`} />
          </div>
          <p className="suggestion__text">{item.text}</p>
          {item.missing.length > 0 && (
            <p className="suggestion__missing" data-testid="missing">
              Fill in before sending: {item.missing.join(', ')}
            </p>
          )}
          <button type="button" data-testid="insert" disabled={inserting} onClick={() => onInsert(index)}>
            Insert 插入
          </button>
        </li>
      ))}
    </ol>
  );
}
