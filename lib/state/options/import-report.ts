import type { ImportResult } from '../../packs/types';
import type { ImportReportView } from './types';

/** What the import report shows for a file import or a subscription: the same for both. */
export function reportOf(name: string, result: ImportResult): ImportReportView {
  if (!result.ok) {
    return {
      fileName: name,
      ok: false,
      errors: result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
      warnings: [],
      ...(result.accessOrigin ? { accessOrigin: result.accessOrigin } : {}),
      ...(result.conflict ? { conflict: result.conflict } : {}),
    };
  }
  return {
    fileName: name,
    ok: true,
    errors: [],
    warnings: [
      ...(result.converted?.notes ?? []),
      ...result.warnings.map((w) => `${w.path ? `${w.path}: ` : ''}${w.message} [${w.rule}]`),
    ],
    summary:
      `imported “${result.pack.name}” ${result.pack.version}, ${result.pack.entries} entries` +
      (result.converted ? ` converted from a ${result.converted.format} export` : '') +
      (result.replaced ? ` (replaced ${result.replaced})` : '') +
      (result.signedBy ? `; signature checked (key ${result.signedBy.slice(0, 8)}…)` : ''),
  };
}
