import type { ImportResult } from '../../packs/types';
import type { ImportReportView } from './types';
import type { Text } from '../../i18n/translate';

/** What the import report shows for a file import or a subscription: the same for both. */
export function reportOf(name: Text, result: ImportResult): ImportReportView {
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
    summary: {
      name: result.pack.name,
      version: result.pack.version,
      entries: result.pack.entries,
      ...(result.converted ? { format: result.converted.format } : {}),
      ...(result.replaced ? { replaced: result.replaced } : {}),
      ...(result.signedBy ? { signedBy: result.signedBy } : {}),
    },
  };
}
