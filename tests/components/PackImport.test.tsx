// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackImport } from '../../components/PackImport';
import { PackTable } from '../../components/PackTable';

afterEach(cleanup);

describe('PackImport', () => {
  it('hands the chosen file over', () => {
    const onFile = vi.fn();
    render(<PackImport busy={false} report={null} onFile={onFile} />);
    const file = new File(['{}'], 'pack.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('pack-file-input'), { target: { files: [file] } });
    expect(onFile).toHaveBeenCalledWith(file);
  });

  it('lists every error with its path and says nothing was changed', () => {
    render(
      <PackImport
        busy={false}
        onFile={() => {}}
        report={{ fileName: 'bad.json', ok: false, errors: ['entries[12].replies[0].text: required'], warnings: [] }}
      />,
    );
    expect(screen.getByTestId('import-report').textContent).toContain('nothing was changed');
    expect(screen.getByTestId('import-errors').textContent).toBe('entries[12].replies[0].text: required');
  });
});

describe('PackTable', () => {
  it('toggles and removes packs', () => {
    const onToggle = vi.fn();
    const onRemove = vi.fn();
    render(
      <PackTable
        packs={[
          {
            id: 'p1',
            name: 'Shop',
            version: '1.0.0',
            locale: 'zh-CN',
            entries: 3,
            enabled: true,
            source: { kind: 'file', fileName: 'p1.json' },
            importedAt: 0,
            warnings: 0,
          },
        ]}
        onToggle={onToggle}
        onRemove={onRemove}
      />,
    );
    fireEvent.click(screen.getByLabelText('Use Shop'));
    expect(onToggle).toHaveBeenCalledWith('p1', false);
    fireEvent.click(screen.getByText('Remove'));
    expect(onRemove).toHaveBeenCalledWith('p1');
  });
});
