/**
 * Workbooks are unpacked under a budget: a zip bomb is refused quickly with a message naming the limit,
 * and a normal workbook still reads. Nothing starts a Worker (fflate's async inflate would).
 */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { MAX_IMPORT_BYTES, readImportFile } from '../../lib/packs/importers/file';
import { unzipWithBudget, WORKBOOK_LIMITS } from '../../lib/packs/importers/unzip';
import { bombWorkbook, workbook } from '../helpers/xlsx';

describe('workbook limits', () => {
  it('refuses a workbook that inflates to 1.2 GB, quickly and with the limit named', async () => {
    const bomb = await bombWorkbook(1_200_000_000);
    expect(bomb.length).toBeLessThan(2_000_000);
    const start = performance.now();
    await expect(readImportFile(bomb)).rejects.toThrow(/unpacks to more than 30 MB|over 100 times its size/);
    expect(performance.now() - start).toBeLessThan(5000);
  }, 60_000);

  it('refuses a part that inflates beyond the ratio even under the total budget', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const archive = zipSync({ 'xl/worksheets/sheet1.xml': zeros }, { level: 9 });
    expect(() => unzipWithBudget(archive, () => true)).toThrow(/over 100 times its size/);
    expect(() => unzipWithBudget(archive, () => false)).not.toThrow();
    expect(() =>
      unzipWithBudget(archive, () => true, { ...WORKBOOK_LIMITS, maxTotalBytes: 1024 * 1024, maxRatio: 10_000 }),
    ).toThrow(/more than 1 MB/);
  });

  it('still reads a normal workbook, including parts above fflate worker threshold', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `/k${i}`,
      `第${i}条回复：亲，${'我们会尽快为您处理。'.repeat(4)}`,
    ]);
    const file = workbook([{ name: '快捷短语', rows: [['快捷短语', '短语内容'], ...rows] }]);
    const read = await readImportFile(file);
    expect(read.workbook).toBe(true);
    expect(read.text.split('\n')).toHaveLength(3001);
  });

  it('refuses files above the import size limit, and a truncated archive', async () => {
    await expect(readImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1))).rejects.toThrow(/limited to 20 MB/);
    const file = workbook([{ name: '快捷短语', rows: [['快捷短语', '短语内容']] }]);
    await expect(readImportFile(file.subarray(0, Math.floor(file.length / 2)))).rejects.toThrow(/xlsx|workbook/);
  });
});
