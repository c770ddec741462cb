/**
 * Convention check: the pages' words come from the catalogs (lib/i18n/messages), so a string typed
 * straight into a component or a page stays English in the Chinese UI. This finds JSX text and
 * user-facing attributes written as literals; addresses shown as examples are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FILES = [
  ...readdirSync(join(ROOT, 'components')).map((f) => `components/${f}`),
  ...['sidepanel', 'options'].flatMap((page) =>
    readdirSync(join(ROOT, 'entrypoints', page)).map((f) => `entrypoints/${page}/${f}`),
  ),
].filter((f) => f.endsWith('.tsx'));

/** Literal words between tags (`>Save<`), and literal title / placeholder / aria-label / alt values. */
function literals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  // After a tag's `>` (not an arrow's `=>` or a type's `Foo<Bar>`), up to the next tag.
  const text = [...code.matchAll(/(?<!=)>([^<>{}]*[A-Za-z]{2,}[^<>{}]*)</g)]
    .map((m) => m[1]!.trim())
    .filter((words) => !/[;=]|\)\s*$/.test(words));
  const attributes = [...code.matchAll(/\b(?:title|placeholder|aria-label|alt)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((value) => !/^https?:\/\//.test(value));
  return [...text, ...attributes].filter(Boolean);
}

describe('UI strings', () => {
  it.each(FILES)('%s has no literal words outside the catalogs', (file) => {
    expect(literals(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('the check finds what it is for', () => {
    const sample =
      '<p>Nothing found.</p><button title="Sync now">{t(\'x\')}</button><input placeholder="https://x.example" />';
    expect(literals(sample)).toEqual(['Nothing found.', 'Sync now']);
    expect(literals('const f = (a: Array<string>) => a.map((x) => <li>{x}</li>);')).toEqual([]);
  });
});
