import { useText } from './text-context';
import { COMPLIANCE_RULES, type ComplianceRule } from '@/lib/packs/compliance';
import type { ScenarioOff } from '@/lib/suggest/rank/reply';

interface SuggestionView {
  packId: string;
  entryId: string;
  title: string;
  text: string;
  score: number;
  missing: string[];
  shortcut?: string;
  compliance: ComplianceRule[];
  scenarioOff?: ScenarioOff;
}

interface SuggestionListProps {
  items: SuggestionView[];
  selected: number;
  inserting: boolean;
  /** `packId\u0000entryId` of the item whose Insert waits for a second press (a compliance warning). */
  confirming: string | null;
  onInsert(index: number): void;
  onSelect(index: number): void;
  /** Switches on the scenario an item answers in (the same switch as the scenario bar's). */
  onScenarioOn(id: string): void;
}

/** Ranked replies, best first; a click on Insert (or keys 1–9) writes one into the chat composer. */
export function SuggestionList({
  items,
  selected,
  inserting,
  confirming,
  onInsert,
  onSelect,
  onScenarioOn,
}: SuggestionListProps) {
  const t = useText();
  return (
    <ol className="suggestions" aria-label={t('suggestions.label')}>
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
            <meter
              className="suggestion__score"
              min={0}
              max={1}
              value={item.score}
              title={t('suggestions.score', { score: item.score })}
            />
          </div>
          <p className="suggestion__text">{item.text}</p>
          {item.missing.length > 0 && (
            <p className="suggestion__missing" data-testid="missing">
              {t('suggestions.missing', { fields: item.missing.join(', ') })}
            </p>
          )}
          {item.scenarioOff && (
            <p
              className="suggestion__scenario"
              data-testid="suggestion-scenario-off"
              data-scenario-id={item.scenarioOff.id}
            >
              {item.scenarioOff.from || item.scenarioOff.to
                ? t('suggestions.scenarioDated', {
                    name: item.scenarioOff.name,
                    dates: `${item.scenarioOff.from ?? '…'} – ${item.scenarioOff.to ?? '…'}`,
                  })
                : t('suggestions.scenarioOff', { name: item.scenarioOff.name })}{' '}
              <button
                type="button"
                className="suggestion__scenario-on"
                data-testid="suggestion-scenario-on"
                onClick={() => onScenarioOn(item.scenarioOff!.id)}
              >
                {t('suggestions.scenarioOn')}
              </button>
            </p>
          )}
          {item.compliance.length > 0 && (
            <p className="suggestion__compliance" data-testid="compliance" data-rules={item.compliance.join(' ')}>
              ⚠ {item.compliance.map((rule) => COMPLIANCE_RULES[rule].label).join(' · ')}
            </p>
          )}
          <button type="button" data-testid="insert" disabled={inserting} onClick={() => onInsert(index)}>
            {t(
              confirming === `${item.packId}\u0000${item.entryId}` ? 'suggestions.insertAnyway' : 'suggestions.insert',
            )}
          </button>
        </li>
      ))}
    </ol>
  );
}
