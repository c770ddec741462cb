/**
 * Property-based fuzzing (fast-check) of the import pipeline: whatever a file holds — random text,
 * mangled JSON/YAML/CSV of each tool's shape, hostile runs, random or corrupted bytes — an import returns
 * a pack or a list of problems: nothing but `ImportFormatError` leaves a reader, nothing leaves the
 * pipeline, no message carries a stack trace, and each case finishes in bounded time. Where an import is
 * a faithful copy (Huashu CSV, espanso, a workbook, a Huashu pack) what goes in comes out.
 * Fixed seed: CI runs the same cases; a failure prints its seed and path to replay it.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packFromText, readPackBytes } from '../../lib/packs/import';
import { IMPORT_FORMATS, IMPORTERS, importPack, type ImportFormat } from '../../lib/packs/importers';
import { importEspanso } from '../../lib/packs/importers/espanso';
import { importCsv } from '../../lib/packs/importers/csv';
import { ImportFormatError } from '../../lib/packs/importers/types';
import { workbook } from '../helpers/xlsx';
import { CASE_MS, fuzz, FUZZ_SEED, timed } from '../helpers/fuzz';

/** Messages a team lead reads: text, never a stack trace. */
function expectReadable(messages: string[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(typeof message).toBe('string');
    expect(message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
  }
}

/** Characters that stress the readers: quotes, separators, braces, line breaks, Han, full-width, surrogates. */
const PIECES = [
  ...'"\',;:|\t\r\n{}[]<>&#@$/\\- .=*!?`~',
  '{{',
  '}}',
  '{{customer.name}}',
  '{cursor}',
  '$|$',
  '[[name]]',
  '&#99999999;',
  '&#x110000;',
  '&amp;',
  '<br>',
  '<p>',
  '</li>',
  '{formtext: name=x}',
  '{time:YYYY}',
  '发货',
  '快捷短语',
  '，',
  '\uFEFF',
  '\u2028',
  '😀',
  '\uD800',
  'null',
  'true',
  '0',
  '-1e999',
];
const messy = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((p) => p.join(''));
/** One character repeated thousands of times, inside ordinary text: the shape that makes regexes backtrack. */
const hostileRun = fc
  .tuple(messy, fc.constantFrom(...'@ {}"\t,.1a发<&#\n-[/'), fc.integer({ min: 2_000, max: 20_000 }), messy)
  .map(([before, char, n, after]) => before + char.repeat(n) + after);
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  messy,
  hostileRun,
);

/** A JSON value where a string belongs: usually text, sometimes the wrong type. */
const field = fc.oneof(
  { arbitrary: messy, weight: 8 },
  { arbitrary: fc.constantFrom<unknown>(null, 0, true, [], {}), weight: 1 },
  { arbitrary: fc.array(messy, { maxLength: 2 }), weight: 1 },
);
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 4 });
const rec = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.record(shape, { requiredKeys: [] });

/** Each help desk's export shape (lib/packs/importers/json.ts), with fields missing or of the wrong type. */
const HELPDESK_SHAPES: Record<string, fc.Arbitrary<unknown>> = {
  zendesk: fc.record({
    macros: list(
      rec({
        title: field,
        raw_title: field,
        active: fc.boolean(),
        actions: list(rec({ field: fc.constantFrom('comment_value', 'comment_value_html', 'subject'), value: field })),
      }),
    ),
  }),
  gorgias: fc.record({
    macros: list(
      rec({
        name: field,
        language: field,
        intent: field,
        actions: list(
          rec({
            name: fc.constantFrom('setResponseText', 'addTags'),
            arguments: rec({ body_text: field, body_html: field }),
          }),
        ),
      }),
    ),
  }),
  chatwoot: fc.record({ payload: list(rec({ short_code: field, content: field })) }),
  freshdesk: fc.record({
    canned_responses: list(rec({ title: field, content: field, content_html: field, attachments: list(field) })),
  }),
  textblaze: fc.record({
    folders: list(
      rec({ name: field, snippets: list(rec({ name: field, shortcut: field, text: field, html: field })) }),
    ),
  }),
};
/** A shape's JSON as exported, as a bare list of its items, or its first item alone. */
const helpdeskJson = (name: string) =>
  fc.tuple(HELPDESK_SHAPES[name]!, fc.nat({ max: 2 })).map(([doc, form]) => {
    const items = Object.values(doc as Record<string, unknown[]>)[0]!;
    return JSON.stringify(form === 0 ? doc : form === 1 ? items : (items[0] ?? {}));
  });
const anyHelpdeskJson = fc.oneof(...Object.keys(HELPDESK_SHAPES).map(helpdeskJson));

/** YAML shaped like an espanso match file. */
const espansoYaml = fc
  .record(
    {
      matches: fc.array(
        fc.record(
          {
            trigger: field,
            triggers: fc.array(messy, { maxLength: 2 }),
            replace: field,
            html: field,
            form: field,
            label: field,
            regex: fc.option(messy),
            vars: fc.array(
              fc.record({
                name: messy,
                type: fc.constantFrom('echo', 'date', 'shell', 'choice', 'random', 'clipboard'),
                params: fc.record({ echo: field, values: fc.array(field, { maxLength: 3 }) }, { requiredKeys: [] }),
              }),
              { maxLength: 2 },
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      global_vars: fc.array(fc.record({ name: messy, type: fc.constantFrom('echo', 'shell') }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .map((doc) => stringify(doc));

/** A spreadsheet with one of the recognised headers and messy cells, as CSV or TSV. */
const HEADERS = [
  ['title', 'reply', 'questions', 'keywords', 'tags', 'shortcut'],
  ['分组', '快捷编码', '快捷短语'],
  ['标题', '话术', '问题'],
  ['Reply'],
  ['x', 'y'],
];
const spreadsheet = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(fc.array(messy, { maxLength: 7 }), { maxLength: 6 }),
    fc.constantFrom(',', '\t'),
    fc.boolean(),
  )
  .map(([header, rows, delimiter, cut]) => {
    const text = Papa.unparse([header, ...rows], { delimiter });
    // Cut off mid-file, as a truncated download is.
    return cut ? text.slice(0, Math.floor(text.length * 0.7)) : text;
  });

describe('every reader throws nothing but ImportFormatError', () => {
  /** Mostly the reader's own shape (so the cases reach past its first check), sometimes anything. */
  const inputFor = (name: string) =>
    fc.oneof(
      {
        arbitrary: name in HELPDESK_SHAPES ? helpdeskJson(name) : name === 'espanso' ? espansoYaml : spreadsheet,
        weight: 3,
      },
      { arbitrary: fc.oneof(anyText, anyHelpdeskJson, espansoYaml, spreadsheet), weight: 1 },
    );
  it.each(Object.keys(IMPORTERS))('%s', (name) => {
    fuzz(
      fc.property(inputFor(name), (text) => {
        try {
          const output = timed(() => IMPORTERS[name as keyof typeof IMPORTERS](text));
          for (const reply of output.replies) expect(typeof reply.text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ImportFormatError);
          expectReadable([(error as Error).message]);
        }
      }),
      60,
    );
  });
});

describe('the import pipeline never throws', () => {
  const names = fc.constantFrom(
    'pack.json',
    'macros.json',
    'match.yml',
    'base.yaml',
    '快捷短语.csv',
    'replies.tsv',
    'x',
    '',
  );
  it('packFromText: any text under any name is a pack or a list of problems', () => {
    fuzz(
      fc.property(
        fc.oneof(anyText, anyHelpdeskJson, espansoYaml, spreadsheet),
        names,
        fc.boolean(),
        (text, name, workbook) => {
          const outcome = timed(() => packFromText({ text, workbook }, name));
          if (!outcome.ok) expectReadable(outcome.errors.map((e) => e.message));
        },
      ),
    );
  });

  it('importPack: every format on any text', () => {
    const formats = fc.constantFrom(...(IMPORT_FORMATS as ImportFormat[]));
    fuzz(
      fc.property(formats, fc.oneof(anyText, anyHelpdeskJson, espansoYaml, spreadsheet), (format, text) => {
        const result = timed(() => importPack(format, text));
        if (!result.ok) expectReadable(result.errors);
        else expect(result.pack.entries.length).toBe(result.imported);
      }),
    );
  });

  it('readPackBytes: random bytes, broken zips and corrupted workbooks are read or refused, never thrown', async () => {
    const book = workbook([
      {
        name: '快捷短语',
        rows: [
          ['分组', '快捷编码', '快捷短语'],
          ['售前', 'fh', '亲，48小时内发货'],
        ],
      },
    ]);
    const corrupted = fc
      .array(fc.tuple(fc.nat({ max: book.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 12 })
      .map((edits) => {
        const copy = book.slice();
        for (const [at, byte] of edits) copy[at] = byte;
        return copy;
      });
    const truncated = fc.nat({ max: book.length - 1 }).map((n) => book.slice(0, n));
    const zipHeader = fc
      .uint8Array({ maxLength: 400 })
      .map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail]));
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), zipHeader, corrupted, truncated);
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('a.xlsx', 'a.csv', 'a.json', 'a.yaml'), async (data, name) => {
        const start = performance.now();
        const read = await readPackBytes(data, name);
        expect(performance.now() - start).toBeLessThan(CASE_MS);
        if (!read.ok) expectReadable(read.errors.map((e) => e.message));
        else {
          const outcome = packFromText(read.file, name);
          if (!outcome.ok) expectReadable(outcome.errors.map((e) => e.message));
        }
      }),
      { seed: FUZZ_SEED, numRuns: 120 },
    );
  });
});

describe('round trips', () => {
  /** Cell text a spreadsheet keeps as it is: no placeholders, no leading/trailing space, not empty. */
  const cell = fc
    .array(fc.oneof(fc.constantFrom(...'亲发货退款,"\'.!?:ab Z9-_/'), fc.string({ minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 20,
    })
    .map((p) =>
      p
        .join('')
        .replace(/[{}\r\n\t|;；、\uFEFF]/g, '')
        .trim(),
    )
    .filter((t) => t.length > 0 && !/^[=+\-@]/.test(t));
  const rows = fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 });

  it('Huashu CSV: every row comes back with its title and reply', () => {
    fuzz(
      fc.property(rows, fc.constantFrom(',', '\t'), (data, delimiter) => {
        const output = importCsv(Papa.unparse([['title', 'reply'], ...data], { delimiter }));
        expect(output.replies.map((r) => [r.title, r.text])).toEqual(data);
      }),
    );
  });

  it('an .xlsx workbook: the sheet read back is the CSV of its rows', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (data) => {
        const read = await readPackBytes(workbook([{ name: 'Sheet1', rows: [['title', 'reply'], ...data] }]), 'a.xlsx');
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.file.workbook).toBe(true);
        expect(importCsv(read.file.text).replies.map((r) => [r.title, r.text])).toEqual(data);
      }),
      { seed: FUZZ_SEED, numRuns: 40 },
    );
  });

  it('espanso: each plain replacement comes back under its trigger', () => {
    const trigger = fc.stringMatching(/^:[a-z0-9]{1,10}$/);
    fuzz(
      fc.property(
        fc.uniqueArray(fc.tuple(trigger, cell), { minLength: 1, maxLength: 6, selector: ([t]) => t }),
        (matches) => {
          const output = importEspanso(
            stringify({ matches: matches.map(([t, replace]) => ({ trigger: t, replace })) }),
          );
          expect(output.replies.map((r) => [r.shortcut, r.text])).toEqual(matches);
        },
      ),
    );
  });

  it('a Huashu pack: importing what an import wrote gives the same pack', () => {
    fuzz(
      fc.property(rows, (data) => {
        const first = importPack('csv', Papa.unparse([['title', 'reply'], ...data]), { id: 'fuzz', name: 'Fuzz' });
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        const again = packFromText({ text: JSON.stringify(first.source) }, 'fuzz.json');
        expect(again.ok && again.pack).toEqual(first.pack);
      }),
      60,
    );
  });
});
