import { describe, expect, it } from 'vitest';
import { parsePack, validatePack } from '../../lib/packs/validate';
import { miniStore } from '../helpers/packs';

const minimal = {
  format: 'huashu-pack/1',
  id: 'p1',
  name: 'Shop',
  version: '1.0.0',
  entries: [{ id: 'e1', title: 'T', replies: [{ text: 'hello' }] }],
};

function errorsOf(value: unknown) {
  const result = validatePack(value);
  if (result.ok) throw new Error('expected the pack to be invalid');
  return result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('validatePack', () => {
  it('accepts a minimal pack and fills the documented defaults', () => {
    const result = validatePack(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // No locale named: the entries' language (English here).
    expect(result.pack.locale).toBe('en');
    expect(result.pack.facts).toEqual({});
    expect(result.pack.entries[0]).toMatchObject({ kind: 'reply', questions: [], keywords: [], priority: 0 });
  });

  it('accepts the example store pack', () => {
    expect(validatePack(miniStore).ok).toBe(true);
  });

  it('names the exact place of a missing reply text', () => {
    const entries = Array.from({ length: 13 }, (_, i) => ({ id: `e${i}`, title: 't', replies: [{ text: 'x' }] }));
    entries[12] = { id: 'e12', title: 't', replies: [{} as { text: string }] };
    expect(errorsOf({ ...minimal, entries })).toEqual(['entries[12].replies[0].text: required']);
  });

  it('reports every required field that is missing', () => {
    expect(errorsOf({ entries: [{ replies: [] }] })).toEqual([
      'format: must be "huashu-pack/1"',
      'id: required',
      'name: required',
      'version: required',
      'entries[0].id: required',
      'entries[0].title: required',
      'entries[0].replies: needs at least one reply',
    ]);
  });

  it('rejects bad ids, versions, platforms, kinds, dates and types with readable messages', () => {
    const errors = errorsOf({
      ...minimal,
      id: 'my pack',
      version: '1.4',
      platforms: ['tb'],
      scenarios: [{ id: 's', name: 'S', from: '2026-02-30', to: '2026-01-01' }],
      facts: { ok: 1, bad: { label: 'no value' } },
      entries: [{ id: 'e/1', title: 'T', kind: 'faq', priority: 'high', questions: 'x', replies: [{ text: '  ' }] }],
    });
    expect(errors).toEqual([
      'id: must be a non-empty id of letters, digits, "-", "_" or "."',
      'version: must be MAJOR.MINOR.PATCH, e.g. 1.4.0',
      'platforms[0]: must be one of "taobao", "jd", "shopify", "pdd", "generic", not "tb"',
      'facts.bad: must be a string, a number, true/false or { "value": … }',
      'scenarios[0].from: is not a real date',
      'scenarios[0].to: "from" must not be after "to"',
      'entries[0].id: must be a non-empty id of letters, digits, "-", "_" or "."',
      'entries[0].kind: must be one of "reply", "card", not "faq"',
      'entries[0].questions: must be a list, not text',
      'entries[0].replies[0].text: must not be empty',
      'entries[0].priority: must be a number, not text',
    ]);
  });

  it('rejects a value that is not an object', () => {
    expect(errorsOf([1, 2])).toEqual([': a pack must be a JSON object, not a list']);
  });
});

describe('parsePack', () => {
  it('locates JSON syntax errors by line and column', () => {
    const result = parsePack('{\n  "id": "x",\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(/^not valid JSON at line 3, column 1/);
  });

  it('tolerates a UTF-8 byte order mark', () => {
    expect(parsePack(`\uFEFF${JSON.stringify(minimal)}`).ok).toBe(true);
  });

  it('says so when the file is empty', () => {
    expect(parsePack('  \n')).toEqual({ ok: false, errors: [{ path: '', message: 'the file is empty' }] });
  });
});
