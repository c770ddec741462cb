// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackImport } from '../../components/PackImport';
import { diffPacks } from '../../lib/packs/diff';
import type { ImportReview } from '../../lib/packs/types';
import { createOptionsStore } from '../../lib/state/options/store';
import { optionsServices } from '../helpers/options';
import { miniStore, pack } from '../helpers/packs';

afterEach(cleanup);

const [first, second, ...rest] = miniStore.entries;
const after = pack({
  ...miniStore,
  version: '1.1.0',
  facts: { ...miniStore.facts, shipWithinHours: 24 },
  entries: [
    { ...first!, replies: [{ text: '亲，付款后24小时内发货哦' }] },
    ...rest,
    { id: 'gift', title: '礼品包装', replies: [{ text: '可以的亲' }] },
  ],
});
const review: ImportReview['review'] = {
  packId: 'mini-store',
  name: miniStore.name,
  fromVersion: '1.0.0',
  toVersion: '1.1.0',
  from: 'mini.json',
  source: 'file',
  diff: diffPacks(pack(miniStore), after),
  warnings: [],
};

describe('ImportPreview', () => {
  it('shows entries added, changed with the changed text marked, removed, and facts; applies or cancels', () => {
    const onApply = vi.fn();
    const onCancel = vi.fn();
    render(
      <PackImport
        busy={false}
        report={null}
        review={review}
        onApply={onApply}
        onCancel={onCancel}
        onFile={() => {}}
        onSubscribe={() => {}}
        onAllowAccess={() => {}}
      />,
    );
    const preview = screen.getByTestId('import-preview');
    expect(preview.textContent).toContain('would replace “小店旗舰店” 1.0.0 → 1.1.0');
    expect(screen.getByTestId('preview-counts').textContent).toMatch(/^1 added, 1 changed, 1 removed/);
    expect(screen.getByTestId('preview-added').dataset.entryId).toBe('gift');
    expect(screen.getByTestId('preview-removed').dataset.entryId).toBe(second!.id);
    const changed = screen.getByTestId('preview-changed');
    expect(changed.querySelector('[data-field=replies] ins')!.textContent).toContain('24');
    expect(changed.querySelector('[data-field=replies] del')).not.toBeNull();
    expect(screen.getByTestId('preview-fact').textContent).toBe('shipWithinHours: 48 → 24');
    fireEvent.click(screen.getByTestId('import-apply'));
    fireEvent.click(screen.getByTestId('import-cancel'));
    expect(onApply).toHaveBeenCalledOnce();
    expect(onCancel).toHaveBeenCalledOnce();
  });
});

describe('options store: review before apply', () => {
  it('shows the review of a replacing file, and sends the same file again with confirm on apply', async () => {
    const importFile = vi.fn(async (_name: string, _bytes: Uint8Array, confirm?: boolean) =>
      confirm
        ? {
            ok: true as const,
            pack: { id: 'mini-store', name: 'x', version: '1.1.0', entries: 8 } as never,
            warnings: [],
            replaced: '1.0.0',
          }
        : { review },
    );
    const store = createOptionsStore(optionsServices({ importFile }));
    const file = new File(['{"a":1}'], 'mini.json');
    await store.getState().importFile(file);
    expect(store.getState().review).toEqual(review);
    expect(store.getState().report).toBeNull();
    await store.getState().applyReview();
    expect(importFile).toHaveBeenLastCalledWith('mini.json', expect.any(Uint8Array), true);
    expect(store.getState().review).toBeNull();
    expect(store.getState().report!.summary).toMatchObject({ replaced: '1.0.0' });
  });

  it('cancel stores nothing; a pending update is reviewed and applied through its own messages', async () => {
    const applyUpdate = vi.fn(async () => ({ ok: false as const, errors: [{ path: '', message: 'gone' }] }));
    const services = optionsServices({
      importFile: vi.fn(async () => ({ review })),
      reviewUpdate: vi.fn(async () => ({ review: { ...review, source: 'update' as const } })),
      applyUpdate,
    });
    const store = createOptionsStore(services);
    await store.getState().importFile(new File(['x'], 'mini.json'));
    store.getState().cancelReview();
    expect(store.getState().review).toBeNull();
    expect(services.importFile).toHaveBeenCalledTimes(1);
    await store.getState().reviewUpdate('mini-store');
    expect(store.getState().review!.source).toBe('update');
    await store.getState().applyReview();
    expect(applyUpdate).toHaveBeenCalledWith('mini-store');
    expect(store.getState().report!.ok).toBe(false);
  });
});
