import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runKpack, type KpackIo } from '../../lib/cli/kpack';
import { packFromText, readPackBytes } from '../../lib/packs/import';
import { packJsonSchema } from '../../lib/packs/schema';
import { parsePack } from '../../lib/packs/validate';
import { miniEnglish, miniStore } from '../helpers/packs';
import { workbook } from '../helpers/xlsx';

const root = new URL('../../', import.meta.url).pathname;
let dir = '';
let storeFile = '';
let englishFile = '';
let brokenFile = '';
let lintyFile = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kpack-'));
  storeFile = join(dir, 'store.json');
  englishFile = join(dir, 'en.json');
  brokenFile = join(dir, 'broken.json');
  lintyFile = join(dir, 'linty.json');
  await writeFile(storeFile, JSON.stringify(miniStore));
  await writeFile(englishFile, JSON.stringify(miniEnglish));
  await writeFile(
    brokenFile,
    JSON.stringify({
      ...miniEnglish,
      entries: [
        { id: 'x', title: 'X', replies: [{ text: 'ok' }] },
        { id: 'y', replies: [{}] },
      ],
    }),
  );
  await writeFile(
    lintyFile,
    JSON.stringify({
      ...miniEnglish,
      entries: [...miniEnglish.entries!, { ...miniEnglish.entries![0]!, shortcut: '/c' }],
    }),
  );
});

async function run(args: string[], stdin: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const io: KpackIo = {
    readFile: (path) => Promise.resolve(readFileSync(path, 'utf8')),
    readBytes: (path) => Promise.resolve(new Uint8Array(readFileSync(path))),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    readStdin: async function* () {
      yield* stdin;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  const code = await runKpack(args, io);
  return { code, out, err };
}

describe('kpack validate', () => {
  it('exits 0 for valid packs', async () => {
    const result = await run(['validate', storeFile, englishFile]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`${storeFile}: ok (8 entries)`, `${englishFile}: ok (4 entries)`]);
  });

  it('prints FILE: path: message lines and exits 1', async () => {
    const result = await run(['validate', storeFile, brokenFile]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `${brokenFile}: entries[1].title: required`,
      `${brokenFile}: entries[1].replies[0].text: required`,
    ]);
  });

  it('reports a missing file without a stack trace', async () => {
    const result = await run(['validate', join(dir, 'nope.json')]);
    expect(result).toEqual({ code: 1, out: [], err: [`${join(dir, 'nope.json')}: no such file`] });
  });
});

describe('kpack lint', () => {
  it('prints warnings with their rule and exits 0, or 1 with --strict', async () => {
    const result = await run(['lint', lintyFile]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      `${lintyFile}: entries[4].id: duplicate entry id "cancel-order" (also entries[0]) [duplicate-id]`,
      `${lintyFile}: entries[4].questions[0]: the same question is in entries[0].questions[0]; buyers asking it get either [duplicate-question]`,
      `${lintyFile}: entries[4].questions[1]: the same question is in entries[0].questions[1]; buyers asking it get either [duplicate-question]`,
      `${lintyFile}: entries[4].questions[2]: the same question is in entries[0].questions[2]; buyers asking it get either [duplicate-question]`,
    ]);
    expect((await run(['lint', '--strict', lintyFile])).code).toBe(1);
    expect(await run(['lint', storeFile])).toEqual({ code: 0, out: [`${storeFile}: no warnings`], err: [] });
  });
});

describe('kpack suggest', () => {
  it('writes one JSON line per input line, best first, empty when not confident', async () => {
    const result = await run(
      ['suggest', '--pack', storeFile, '--pack', englishFile, '--top', '2', '--date', '2026-12-20'],
      [
        '{"text": "什么时候发货呀"}',
        '{"text": "在吗"}',
        '',
        'how do I cancel my order',
        '{"text": "是京东物流吗", "platform": "taobao"}',
        '{"text": "定金能退吗", "scenarios": ["presale"]}',
      ],
    );
    expect(result.code).toBe(0);
    const lines = result.out.map((line) => JSON.parse(line) as { ids: string[]; scores: number[] });
    expect(lines).toHaveLength(5);
    expect(lines[0]!.ids[0]).toBe('ship-time');
    expect(lines[0]!.ids.length).toBeLessThanOrEqual(2);
    expect(lines[0]!.scores).toHaveLength(lines[0]!.ids.length);
    expect(lines[1]).toEqual({ ids: [], scores: [] });
    expect(lines[2]!.ids[0]).toBe('cancel-order');
    expect(lines[3]!.ids).not.toContain('jd-only');
    expect(lines[4]!.ids[0]).toBe('presale-deposit');
    expect(Object.keys(lines[0]!)).toEqual(['ids', 'scores']);
  });

  it('learns from "picked" for the rest of the process: the line itself is answered as it stood before', async () => {
    const missed = '我们公司要走账';
    const again = '亲 我们公司要走账的呀';
    const result = await run(
      ['suggest', '--pack', storeFile, '--pack', englishFile, '--top', '3', '--date', '2026-12-20'],
      [
        JSON.stringify({ text: again }),
        JSON.stringify({ text: missed, picked: 'invoice' }),
        JSON.stringify({ text: missed, picked: 'invoice' }),
        JSON.stringify({ text: again }),
        JSON.stringify({ text: 'can I pay with Klarna', picked: 'no-such-entry' }),
        JSON.stringify({ text: '在吗' }),
        // Looser than a re-ask, but the entry was searched out (the line had no suggestion): it counts.
        JSON.stringify({ text: '公司这边要走账怎么弄' }),
      ],
    );
    expect(result.code).toBe(0);
    const lines = result.out.map((line) => JSON.parse(line) as { ids: string[]; scores: number[] });
    expect(lines.map((l) => l.ids[0] ?? null).slice(0, 4)).toEqual([null, null, 'invoice', 'invoice']);
    expect(lines[6]!.ids[0]).toBe('invoice');
    expect(lines[5]).toEqual({ ids: [], scores: [] });
    expect(Object.keys(lines[3]!)).toEqual(['ids', 'scores']);
    expect(lines[3]!.scores[0]).toBeLessThanOrEqual(1);
    expect(result.err).toEqual(['kpack suggest: "picked": no loaded pack has an entry "no-such-entry"']);
  });

  it('learns from "picked" what a team\'s buyers call an entry, for other wordings too', async () => {
    const shopify = join(root, 'knowledge-packs/shopify-store.json');
    const message = JSON.stringify({ text: 'my sweater came torn at the seam' });
    const result = await run(
      ['suggest', '--pack', shopify, '--top', '3', '--date', '2026-12-20'],
      [
        message,
        JSON.stringify({ text: 'the hoodie arrived ripped at the seam', picked: 'damaged-item' }),
        JSON.stringify({ text: 'coat ripped open at the seam when it arrived', picked: 'damaged-item' }),
        JSON.stringify({ text: 'the box got soaked in the rain and the boots are ruined', picked: 'damaged-item' }),
        message,
      ],
    );
    const lines = result.out.map((line) => JSON.parse(line) as { ids: string[] });
    expect(lines[0]!.ids[0]).toBe('repairs');
    expect(lines[4]!.ids[0]).toBe('damaged-item');
  });

  it("reads a line's platform by the names team leads use (Tmall, 天猫, JD) as the platform itself", async () => {
    const line = (platform: string) => JSON.stringify({ text: '是京东物流吗', platform });
    const result = await run(
      ['suggest', '--pack', storeFile, '--date', '2026-12-20'],
      [line('taobao'), line('Tmall'), line('天猫'), line(' qianniu '), line('jd'), line('JD'), line('京东')],
    );
    const [taobao, ...others] = result.out;
    expect(JSON.parse(taobao!).ids).not.toContain('jd-only');
    expect(others.slice(0, 3)).toEqual([taobao, taobao, taobao]);
    expect(others.slice(4)).toEqual([others[3], others[3]]);
    expect(others[3]).not.toEqual(taobao);
  });

  it('teaches nothing without "picked": the same lines twice are answered the same', async () => {
    const input = ['{"text": "什么时候发货呀"}', '{"text": "公司报销要用的单据给不给"}'];
    const result = await run(['suggest', '--pack', storeFile, '--date', '2026-12-20'], [...input, ...input]);
    expect(result.out.slice(0, 2)).toEqual(result.out.slice(2));
  });

  it('refuses to run without a pack, or with an invalid one', async () => {
    expect((await run(['suggest'])).code).toBe(2);
    const broken = await run(['suggest', '--pack', brokenFile]);
    expect(broken.code).toBe(1);
    expect(broken.err[0]).toBe(`${brokenFile}: entries[1].title: required`);
  });
});

describe('kpack learned', () => {
  const pick = (entryId: string, text: string, at: number) =>
    JSON.stringify({ packId: 'mini-store', packVersion: '1.0.0', entryId, text, at });

  it('prints per entry the distinct picked phrasings with counts, and titles with the pack', async () => {
    const file = join(dir, 'learned.ndjson');
    await writeFile(
      file,
      [
        pick('invoice', '公司报销要用的单据给不给', 1),
        pick('ship-time', '[name]的单子 什么时候能发出', 2),
        pick('invoice', '公司报销要用的单据给不给', 3),
        pick('invoice', '能开发票吗', 4),
        pick('gone', 'old question', 5),
        '',
      ].join('\n'),
    );
    const plain = await run(['learned', file]);
    expect(plain.code).toBe(0);
    expect(plain.out).toEqual([
      'mini-store/invoice  (3 picks)',
      '    2  公司报销要用的单据给不给',
      '    1  能开发票吗',
      'mini-store/ship-time  (1 pick)',
      '    1  [name]的单子 什么时候能发出',
      'mini-store/gone  (1 pick)',
      '    1  old question',
    ]);
    const titled = await run(['learned', file, '--pack', storeFile]);
    expect(titled.out).toEqual([
      'mini-store/invoice  开发票  (3 picks)',
      '    2  公司报销要用的单据给不给',
      '    1  能开发票吗  (already a question)',
      'mini-store/ship-time  发货时间  (1 pick)',
      '    1  [name]的单子 什么时候能发出',
      'mini-store/gone  (no longer in the pack)  (1 pick)',
      '    1  old question',
    ]);
  });

  it('reports unreadable lines and files, and needs exactly one file', async () => {
    const file = join(dir, 'bad.ndjson');
    await writeFile(file, `${pick('invoice', '发票', 1)}\nnot json\n{"text": 1}\n`);
    const result = await run(['learned', file]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([`${file}:2: not JSON`, `${file}:3: needs "packId", "entryId" and "text" strings`]);
    expect(result.out[0]).toBe('mini-store/invoice  (1 pick)');
    expect((await run(['learned', join(dir, 'none.ndjson')])).err).toEqual([
      `${join(dir, 'none.ndjson')}: no such file`,
    ]);
    expect((await run(['learned'])).code).toBe(2);
  });
});

describe('kpack import', () => {
  const chatwoot = JSON.stringify([
    { id: 1, short_code: 'ship', content: 'Hi {{contact.name}}, we ship in 2 days.' },
    { id: 2, short_code: 'bad', content: '' },
  ]);

  it('writes the pack to stdout and what was skipped to stderr; the result validates', async () => {
    const file = join(dir, 'canned.json');
    await writeFile(file, chatwoot);
    const result = await run(['import', file]);
    expect(result.code).toBe(0);
    const pack = JSON.parse(result.out.join('\n')) as { id: string; entries: Array<{ shortcut: string }> };
    expect(pack.id).toBe('canned');
    expect(pack.entries[0]!.shortcut).toBe('/ship');
    expect(result.err[0]).toBe(`${file}: imported 1 reply as pack "canned" (chatwoot), skipped 1`);
    expect(result.err[1]).toBe(`${file}: skipped [1] ("bad"): empty content`);
    const out = join(dir, 'canned-pack.json');
    const written = await run(['import', '--from', 'chatwoot', file, '--id', 'support', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.out).toEqual([]);
    expect((await run(['validate', out])).out).toEqual([`${out}: ok (1 entries)`]);
  });

  it('imports a 千牛 Excel workbook, naming the sheet it read; --from xlsx refuses a file that is not one', async () => {
    const file = join(dir, '快捷短语.xlsx');
    await writeFile(
      file,
      workbook([
        {
          name: '快捷短语',
          rows: [
            ['分组', '快捷编码', '快捷短语'],
            ['物流', 'fh', '亲，付款后48小时内发货哦～'],
          ],
        },
      ]),
    );
    const result = await run(['import', file]);
    expect(result.code).toBe(0);
    expect(result.err.slice(0, 2)).toEqual([
      `${file}: read sheet "快捷短语"`,
      `${file}: imported 1 reply as pack "kuai-jie-duan-yu" (xlsx)`,
    ]);
    expect(JSON.parse(result.out.join('\n')).entries[0].shortcut).toBe('/fh');
    const csv = join(dir, 'replies.csv');
    await writeFile(csv, 'title,reply\nShip,We ship fast');
    const refused = await run(['import', '--from', 'xlsx', csv]);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([`${csv}: not an Excel .xlsx workbook: give --from csv for a CSV file`]);
  });

  it('imports exactly what the extension imports: the same pipeline (lib/packs/import.ts)', async () => {
    const files: Array<[string, string | Uint8Array]> = [
      ['canned.json', chatwoot],
      ['replies.csv', 'title,reply,shortcut\nShip,We ship in {{days}} days,/s\nEmpty,,\n'],
      ['match.yml', 'matches:\n  - trigger: ":hi"\n    replace: "Hello $|$"\n'],
      ['快捷短语.xlsx', workbook([{ name: 'S', rows: [['快捷短语'], ['亲，48小时内发货']] }])],
      ['pack.json', JSON.stringify(miniStore)],
    ];
    for (const [name, content] of files) {
      const file = join(dir, name);
      await writeFile(file, content);
      const cli = await run(['import', file]);
      const read = await readPackBytes(typeof content === 'string' ? new TextEncoder().encode(content) : content, file);
      const extension = read.ok ? packFromText(read.file, file) : read;
      expect(extension.ok, name).toBe(true);
      if (!extension.ok) continue;
      const printed = parsePack(cli.out.join('\n'));
      expect(printed.ok && printed.pack, name).toEqual(extension.pack);
      for (const note of extension.converted?.notes ?? []) expect(cli.err).toContain(`${file}: ${note}`);
    }
  });

  it('exits 1 with the reason when a file is not the format or cannot be told apart', async () => {
    const file = join(dir, 'mystery.json');
    await writeFile(file, '{"hello": 1}');
    const unknown = await run(['import', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toContain('cannot tell which tool wrote this file: give --from');
    const wrong = await run(['import', '--from', 'zendesk', file]);
    expect(wrong.code).toBe(1);
    expect(wrong.err[0]).toContain(`${file}: not a zendesk export`);
    expect((await run(['import', '--from', 'nope', file])).code).toBe(2);
    expect((await run(['import', join(dir, 'missing.json')])).err).toEqual([
      `${join(dir, 'missing.json')}: no such file`,
    ]);
  });
});

describe('kpack schema', () => {
  it('prints the JSON Schema, and the published file is the same (no drift)', async () => {
    const result = await run(['schema']);
    expect(JSON.parse(result.out.join('\n'))).toEqual(packJsonSchema());
    const published = JSON.parse(readFileSync(join(root, 'knowledge-packs/schema/huashu-pack-1.schema.json'), 'utf8'));
    expect(published).toEqual(packJsonSchema());
  });
});

describe('kpack binary', () => {
  it('runs through bin/kpack.mjs with exit codes and stdin', async () => {
    const exec = promisify(execFile);
    const ok = await exec('node', [join(root, 'bin/kpack.mjs'), 'validate', storeFile]);
    expect(ok.stdout).toBe(`${storeFile}: ok (8 entries)\n`);
    await expect(exec('node', [join(root, 'bin/kpack.mjs'), 'validate', brokenFile])).rejects.toMatchObject({
      code: 1,
    });
    const child = execFile('node', [join(root, 'bin/kpack.mjs'), 'suggest', '--pack', englishFile]);
    let stdout = '';
    child.stdout!.on('data', (chunk: string) => (stdout += chunk));
    child.stdin!.end('{"text": "where is my package"}\n');
    await new Promise((resolve) => child.on('close', resolve));
    expect(JSON.parse(stdout).ids[0]).toBe('track-order');
  });
});
