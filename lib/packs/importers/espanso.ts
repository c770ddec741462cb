/**
 * espanso match files (YAML): `matches[]` with `trigger`/`triggers` and `replace` (or `form`, `markdown`,
 * `html`), variables in `vars` / `global_vars`. Shell and script variables are never run: a match that
 * needs one is skipped. `$|$` (espanso's caret) becomes `{cursor}`, form fields `[[x]]` become blanks.
 */
import { parse } from 'yaml';
import { htmlToText, place, renamePlaceholders, shortcutOf, titleFromText } from './text';
import { ImportFormatError, type ImportedReply, type ImporterOutput, type ImportNote } from './types';

interface EspansoVar {
  name?: unknown;
  type?: unknown;
  params?: Record<string, unknown>;
}

/** Variable types whose value is text we can inline, or a date. */
const RUNS_CODE = new Set(['shell', 'script']);

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function varsOf(value: unknown): EspansoVar[] {
  return Array.isArray(value) ? (value.map(record).filter(Boolean) as EspansoVar[]) : [];
}

export function importEspanso(source: string): ImporterOutput {
  let doc: unknown;
  try {
    // Warnings (an unknown tag such as `!c5`) would go to the process's stderr: the file reads or fails, nothing else.
    doc = parse(source, { logLevel: 'error' });
  } catch (error) {
    throw new ImportFormatError(`not a YAML file: ${(error as Error).message.split('\n')[0]}`);
  }
  const root = record(doc);
  if (!root || !Array.isArray(root.matches))
    throw new ImportFormatError('no "matches:" list: not an espanso match file');
  const globals = varsOf(root.global_vars);
  const replies: ImportedReply[] = [];
  const skipped: ImportNote[] = [];
  const warnings: ImportNote[] = [];

  root.matches.forEach((item, index) => {
    const match = record(item);
    const triggers = match
      ? [match.trigger, ...(Array.isArray(match.triggers) ? match.triggers : [])].filter(
          (t): t is string => typeof t === 'string' && t.length > 0,
        )
      : [];
    const where = place(`matches[${index}]`, triggers[0]);
    if (!match) return skipped.push({ where, message: 'not a match' });
    if (match.regex) return skipped.push({ where, message: 'a regex trigger: Huashu shortcuts are plain text' });
    if (match.image_path) return skipped.push({ where, message: 'inserts an image, not text' });
    let text =
      typeof match.replace === 'string'
        ? match.replace
        : typeof match.markdown === 'string'
          ? match.markdown
          : typeof match.html === 'string'
            ? htmlToText(match.html)
            : typeof match.form === 'string'
              ? match.form
              : null;
    if (text === null) return skipped.push({ where, message: 'no replacement text' });

    // Variables: inline what is plain text, turn dates into {{today}}, never run code.
    const vars = [...globals, ...varsOf(match.vars)];
    for (const v of vars) {
      const name = typeof v.name === 'string' ? v.name : '';
      const pattern = new RegExp(`\\{\\{\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\}\\}`, 'g');
      if (!name || text.search(pattern) === -1) continue;
      if (RUNS_CODE.has(String(v.type))) {
        return skipped.push({
          where,
          message: `uses a ${String(v.type)} variable ("${name}"): Huashu never runs commands`,
        });
      }
      if (v.type === 'date') {
        text = text.replace(pattern, '{{today}}');
        warnings.push({ where, message: `date variable "${name}" became {{today}} (Huashu writes dates its own way)` });
      } else if (v.type === 'echo' && typeof v.params?.echo === 'string') {
        text = text.replace(pattern, v.params.echo);
      } else if ((v.type === 'choice' || v.type === 'random') && Array.isArray(v.params?.values)) {
        const first = v.params.values.find((x) => typeof x === 'string' || record(x)?.label);
        const value = typeof first === 'string' ? first : String(record(first)?.label ?? '');
        text = text.replace(pattern, value);
        warnings.push({ where, message: `"${name}" offered a choice; its first value "${value}" was kept` });
      }
    }
    // Form fields: a choice keeps its first value; other fields are blanks the agent fills, and a field
    // about a name is the buyer's name.
    const fields = record(match.form_fields) ?? {};
    text = text.replace(/\[\[\s*([\w-]+)\s*\]\]/g, (_whole, field: string) => {
      const values = record(fields[field])?.values;
      const first = Array.isArray(values) ? values.find((v): v is string => typeof v === 'string') : undefined;
      if (first !== undefined) {
        warnings.push({
          where,
          message: `form field "${field}" offered a choice; its first value "${first}" was kept`,
        });
        return first;
      }
      return /name/i.test(field) ? '{{customer.name}}' : `{{${field}}}`;
    });
    text = renamePlaceholders(text.replace(/\$\|\$/g, '{cursor}'), {}, where, warnings);
    text = text.trimEnd();
    if (!text.trim()) return skipped.push({ where, message: 'empty replacement' });
    const shortcut = triggers.map(shortcutOf).find((s) => s !== null) ?? undefined;
    const label = typeof match.label === 'string' ? match.label : '';
    replies.push({ title: label || triggers[0] || titleFromText(text), text, shortcut });
    if (triggers.length > 1)
      warnings.push({ where, message: `${triggers.length} triggers; the first usable one is the shortcut` });
  });
  return { replies, skipped, warnings };
}
