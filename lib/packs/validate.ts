/**
 * Turns a pack file's text into a validated pack, or into errors that name the exact place
 * (`entries[12].replies[0].text: required`). Never throws: team leads see messages, not stacks.
 */
import type { z } from 'zod';
import { withCanonicalValues } from './aliases';
import { localeOfPack } from './locale';
import { packSchema, type Pack } from './schema';

export interface PackProblem {
  /** Where in the pack, e.g. `entries[12].replies[0].text`; empty for the whole file. */
  path: string;
  message: string;
}

type ParseResult = { ok: true; pack: Pack; raw: unknown } | { ok: false; errors: PackProblem[] };

/** `['entries', 12, 'replies', 0, 'text']` → `entries[12].replies[0].text`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'required';
    const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
    return `must be ${expected}, not ${describeType(issue.input)}`;
  }
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option')) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array' && !issue.message.startsWith('needs')) {
    return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `must be at most ${String(issue.maximum)}`;
  return issue.message;
}

/** Validates an already-parsed value against the pack format. */
export function validatePack(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '', message: `a pack must be a JSON object, not ${describeType(raw)}` }] };
  }
  const result = packSchema.safeParse(withCanonicalValues(raw), { reportInput: true });
  if (result.success) {
    const { locale, ...pack } = result.data;
    return { ok: true, pack: { ...pack, locale: locale ?? localeOfPack(pack.entries) }, raw };
  }
  const errors = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issueMessage(issue),
  }));
  return { ok: false, errors };
}

/** Where a JSON syntax error is, as `line L, column C`, from the offset V8 reports. */
function jsonErrorMessage(error: unknown, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  let where = '';
  if (position) {
    const offset = Number(position[1]);
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  }
  const reason = message
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .trimEnd()
    .replace(/^JSON\.parse: /, '');
  return `not valid JSON${where}: ${reason}`;
}

/** Parses and validates a pack file's text (a UTF-8 BOM is tolerated). */
export function parsePack(source: string): ParseResult {
  const text = source.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, errors: [{ path: '', message: 'the file is empty' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: jsonErrorMessage(error, text) }] };
  }
  return validatePack(raw);
}
