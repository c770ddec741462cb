import type { PackSummary } from '@/lib/messaging/protocol';

export interface PackTableProps {
  packs: PackSummary[];
  onToggle(id: string, enabled: boolean): void;
  onRemove(id: string): void;
}

function sourceLabel(pack: PackSummary): string {
  if (pack.source.kind === 'builtin') return `shipped (${pack.source.file})`;
  if (pack.source.kind === 'file') return `file ${pack.source.fileName}`;
  return pack.source.url;
}

/** The packs in the extension: which are used for suggestions, where they came from. */
export function PackTable({ packs, onToggle, onRemove }: PackTableProps) {
  if (packs.length === 0) return <p>No packs yet: import one above.</p>;
  return (
    <table className="packs" data-testid="pack-table">
      <thead>
        <tr>
          <th>Use</th>
          <th>Pack</th>
          <th>Version</th>
          <th>Entries</th>
          <th>Source</th>
          <th>Warnings</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => (
          <tr key={pack.id} data-testid="pack-row" data-pack-id={pack.id}>
            <td>
              <input
                type="checkbox"
                checked={pack.enabled}
                aria-label={`Use ${pack.name}`}
                onChange={(event) => onToggle(pack.id, event.target.checked)}
              />
            </td>
            <td>
              <strong>{pack.name}</strong>
              <br />
              <code>{pack.id}</code> · {pack.locale}
            </td>
            <td>{pack.version}</td>
            <td>{pack.entries}</td>
            <td>{sourceLabel(pack)}</td>
            <td>{pack.warnings}</td>
            <td>
              <button type="button" onClick={() => onRemove(pack.id)}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
