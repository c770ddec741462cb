import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, idFromTitle, importPack, type ImportFormat } from '../../lib/packs/importers';
import { readImportFile } from '../../lib/packs/importers/file';
import { htmlToText } from '../../lib/packs/importers/text';
import { lintPack } from '../../lib/packs/lint';
import { workbook, type SheetSpec } from '../helpers/xlsx';

/** Small exports written here after the shape each tool documents for its export. */
const ESPANSO = `
global_vars:
  - name: greeting
    type: echo
    params:
      echo: "Hi"
matches:
  - trigger: ":ship"
    replace: "{{greeting}} {{customer}}, we ship within 48 hours.$|$"
  - triggers: [":ty", ":thanks"]
    replace: "Thank you!"
  - trigger: ":today"
    replace: "Sent on {{d}}"
    vars:
      - name: d
        type: date
        params: { format: "%Y-%m-%d" }
  - trigger: ":ip"
    replace: "{{out}}"
    vars:
      - name: out
        type: shell
        params: { cmd: "curl ifconfig.me" }
  - trigger: ":dear"
    form: "Dear [[name]], your [[item]] is on its way"
  - regex: ":n(?P<num>\\\\d+)"
    replace: "number {{num}}"
  - trigger: ":logo"
    image_path: "/tmp/logo.png"
`;

const ZENDESK = JSON.stringify({
  macros: [
    {
      title: 'Shipping::Where is my order',
      active: true,
      actions: [
        { field: 'status', value: 'pending' },
        {
          field: 'comment_value',
          value: 'Hi {{ticket.requester.first_name}}, your order ships today. — {{current_user.name}}',
        },
      ],
    },
    { title: 'Close only', active: true, actions: [{ field: 'status', value: 'solved' }] },
    { title: 'Old', active: false, actions: [{ field: 'comment_value', value: 'x' }] },
    { title: 'Rich', actions: [{ field: 'comment_value_html', value: '<p>Line one</p><p>Line &amp; two</p>' }] },
  ],
  next_page: null,
  count: 4,
});

const GORGIAS = JSON.stringify({
  data: [
    {
      name: 'Refund status',
      intent: 'refund/status',
      language: 'en',
      actions: [
        {
          name: 'setResponseText',
          arguments: { body_text: 'Hello {{ticket.customer.firstname}}, your refund is on its way.' },
        },
        { name: 'addTags', arguments: { tags: 'refund' } },
      ],
    },
    { name: 'Tag only', actions: [{ name: 'addTags', arguments: { tags: 'x' } }] },
  ],
  meta: { next_cursor: null },
});

const CHATWOOT = JSON.stringify([
  { id: 1, account_id: 1, short_code: 'ship', content: 'Hi {{contact.name}}, we ship in 2 days.' },
  { id: 2, account_id: 1, short_code: 'ship', content: 'Duplicate code.' },
  { id: 3, account_id: 1, short_code: 'empty', content: '' },
]);

const FRESHDESK = JSON.stringify([
  {
    id: 5,
    title: 'Return policy',
    folder_id: 2,
    content: '',
    content_html: '<div>30 days<br>free returns</div>',
    attachments: [{ id: 1 }],
  },
]);

const TEXTBLAZE = JSON.stringify({
  version: 1,
  folders: [
    {
      name: 'Support',
      snippets: [
        {
          name: 'Greeting',
          shortcut: '/hi',
          type: 'text',
          text: 'Hi {formtext: name=Customer name}, {cursor}thanks for writing!',
        },
        { name: 'Weird', shortcut: '/w', text: 'Today is {time: MMMM} and {site: text}' },
      ],
    },
  ],
});

const QIANNIU =
  '\uFEFF登记日期,分组,快捷编码,快捷短语,是否加入团队\n2026-01-02,物流,fh,"亲，付款后48小时内发货哦～",是\n2026-01-02,售后,tk,"亲，退款1-3个工作日原路退回",是\n2026-01-02,售后,,,是\n';

const CSV =
  'title,questions,keywords,reply,shortcut,tags\n发货时间,什么时候发货|多久能发,发货,"亲，48小时内发货～",/fh,物流\n,,,Only a reply,,\n';

const ok = (format: ImportFormat, source: string) => {
  const result = importPack(format, source, { id: 'test-pack' });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
};

describe('importers', () => {
  it('espanso: triggers become shortcuts, $|$ the caret, dates {{today}}; shell, regex and image matches are skipped', () => {
    const result = ok('espanso', ESPANSO);
    const byShortcut = Object.fromEntries(result.pack.entries.map((e) => [e.shortcut, e.replies[0]!.text]));
    expect(byShortcut[':ship']).toBe('Hi {{customer}}, we ship within 48 hours.{cursor}');
    expect(byShortcut[':ty']).toBe('Thank you!');
    expect(byShortcut[':today']).toBe('Sent on {{today}}');
    expect(byShortcut[':dear']).toBe('Dear {{customer.name}}, your {{item}} is on its way');
    expect(result.skipped.map((s) => s.message)).toEqual([
      expect.stringContaining('shell variable'),
      expect.stringContaining('regex'),
      expect.stringContaining('image'),
    ]);
    expect(result.skipped[0]!.where).toBe('matches[3] (":ip")');
    expect(result.warnings.map((w) => w.message).join('\n')).toContain('{{customer}} has no Huashu counterpart');
  });

  it('zendesk: the comment action is the reply, :: nests titles into tags, placeholders are renamed', () => {
    const result = ok('zendesk', ZENDESK);
    expect(result.pack.entries.map((e) => [e.title, e.tags])).toEqual([
      ['Where is my order', ['Shipping']],
      ['Rich', []],
    ]);
    expect(result.pack.entries[0]!.replies[0]!.text).toBe(
      'Hi {{customer.name}}, your order ships today. — {{agent.name}}',
    );
    expect(result.pack.entries[1]!.replies[0]!.text).toBe('Line one\nLine & two');
    expect(result.skipped.map((s) => s.message)).toEqual(['sets ticket fields only, no reply text', 'inactive macro']);
  });

  it('gorgias: setResponseText is the reply; macros without one are skipped', () => {
    const result = ok('gorgias', GORGIAS);
    expect(result.pack.entries).toHaveLength(1);
    expect(result.pack.entries[0]).toMatchObject({ title: 'Refund status', tags: ['refund/status'] });
    expect(result.pack.entries[0]!.replies[0]!.text).toContain('Hello {{customer.name}}');
    expect(result.skipped).toHaveLength(1);
  });

  it('chatwoot: /short_code is the shortcut; a repeated one is dropped with a warning', () => {
    const result = ok('chatwoot', CHATWOOT);
    expect(result.pack.entries.map((e) => e.shortcut)).toEqual(['/ship', undefined]);
    expect(result.pack.entries.map((e) => e.id)).toEqual(['ship', 'ship-2']);
    expect(result.warnings.map((w) => w.message).join('\n')).toContain('/ship is used by an earlier reply');
    expect(result.skipped.map((s) => s.where)).toEqual(['[2] ("empty")']);
  });

  it('freshdesk: content_html is read as text when content is empty; attachments are reported', () => {
    const result = ok('freshdesk', FRESHDESK);
    expect(result.pack.entries[0]!.replies[0]!.text).toBe('30 days\nfree returns');
    expect(result.warnings[0]!.message).toContain('attachments');
  });

  it('textblaze: folders become tags, form fields blanks, unknown commands are reported', () => {
    const result = ok('textblaze', TEXTBLAZE);
    expect(result.pack.entries[0]).toMatchObject({ title: 'Greeting', shortcut: '/hi', tags: ['Support'] });
    expect(result.pack.entries[0]!.replies[0]!.text).toBe('Hi {{customer.name}}, {cursor}thanks for writing!');
    expect(result.pack.entries[1]!.replies[0]!.text).toBe('Today is {{today}} and {site: text}');
    expect(result.warnings.map((w) => w.message).join('\n')).toContain('{site: text}');
  });

  it('qianniu: 快捷编码 becomes a /shortcut, 分组 a tag, the phrase the reply; the pack is Chinese', () => {
    const result = ok('qianniu', QIANNIU);
    expect(result.pack.locale).toBe('zh-CN');
    expect(result.pack.entries.map((e) => [e.id, e.shortcut, e.tags])).toEqual([
      ['qin-fu-kuan-hou-48-xiao-shi-nei-fa-huo-o', '/fh', ['物流']],
      ['qin-tui-kuan-1-3-ge-gong-zuo-ri-yuan-lu-tui-hui', '/tk', ['售后']],
    ]);
    expect(result.skipped).toEqual([{ where: 'row 4', message: 'empty 快捷短语' }]);
  });

  it("csv: Huashu's own columns, several questions per cell", () => {
    const result = ok('csv', CSV);
    expect(result.pack.entries[0]).toMatchObject({
      id: 'fa-huo-shi-jian',
      title: '发货时间',
      questions: ['什么时候发货', '多久能发'],
      keywords: ['发货'],
      shortcut: '/fh',
      tags: ['物流'],
    });
    expect(result.pack.entries[1]!.title).toBe('Only a reply');
  });

  it('an imported pack is valid and its ids are unique', () => {
    for (const [format, source] of [
      ['espanso', ESPANSO],
      ['zendesk', ZENDESK],
      ['qianniu', QIANNIU],
    ] as const) {
      const { pack } = ok(format, source);
      expect(new Set(pack.entries.map((e) => e.id)).size).toBe(pack.entries.length);
      expect(lintPack(pack, pack).filter((w) => w.rule === 'duplicate-shortcut')).toEqual([]);
    }
  });

  it('says what is wrong with a file that is not the format, or holds no reply', () => {
    expect(importPack('zendesk', '{ not json')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('not a JSON file')],
    });
    expect(importPack('espanso', 'foo: bar')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('no "matches:"')],
    });
    expect(importPack('qianniu', 'a,b\n1,2')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('no 快捷短语 column')],
    });
    const empty = importPack('zendesk', JSON.stringify({ macros: [{ title: 'x', actions: [] }] }));
    expect(empty).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('no reply could be imported'), expect.stringContaining('macros[0]')],
    });
  });

  it('tells the formats apart by name and content', () => {
    expect(detectFormat('m.yml', ESPANSO)).toBe('espanso');
    expect(detectFormat('x.json', ZENDESK)).toBe('zendesk');
    expect(detectFormat('x.json', GORGIAS)).toBe('gorgias');
    expect(detectFormat('x.json', CHATWOOT)).toBe('chatwoot');
    expect(detectFormat('x.json', FRESHDESK)).toBe('freshdesk');
    expect(detectFormat('x.json', TEXTBLAZE)).toBe('textblaze');
    expect(detectFormat('phrases.csv', QIANNIU)).toBe('qianniu');
    expect(detectFormat('faq.csv', CSV)).toBe('csv');
    expect(detectFormat('p.json', JSON.stringify({ format: 'huashu-pack/1' }))).toBe('huashu');
    expect(detectFormat('x.json', '{"hello": 1}')).toBeNull();
  });

  it('makes ids from titles, Chinese through pinyin', () => {
    expect(idFromTitle('发货时间')).toBe('fa-huo-shi-jian');
    expect(idFromTitle('Where is my order?')).toBe('where-is-my-order');
    expect(idFromTitle('¡¿')).toBe('reply');
    expect(htmlToText('<p>a&nbsp;b</p><ul><li>c</li></ul>&#x4e2d;')).toBe('a b\n- c\n中');
  });
});

describe('Excel workbooks and GB18030 CSV', () => {
  const qianniuSheet: SheetSpec = {
    name: '快捷短语',
    rows: [
      ['千牛快捷短语导出 2026-11-30'],
      ['登记日期', '分组', '快捷编码', '快捷短语', '是否加入团队'],
      [new Date(Date.UTC(2026, 10, 1)), '物流', 'fh', '亲，付款后48小时内发货哦～', '是'],
      [new Date(Date.UTC(2026, 10, 2)), '售后', 12, '亲，七天无理由退换 & <运费险>\n已为您投保', '否'],
      [null, '售后', 'kb', null, '否'],
    ],
  };

  it('reads a 千牛 workbook from the sheet with a 快捷短语 header, below a title row, with numeric codes', async () => {
    const read = await readImportFile(workbook([{ name: '说明', rows: [['导出说明：请勿修改表头']] }, qianniuSheet]));
    expect(read).toMatchObject({ workbook: true, readAs: 'sheet "快捷短语"' });
    expect(detectFormat('千牛快捷短语.xlsx', read.text)).toBe('xlsx');
    expect(read.headerRow).toBe(2);
    const result = importPack('xlsx', read.text, { id: 'qn', headerRow: read.headerRow });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.pack.entries.map((e) => [e.shortcut, e.tags, e.replies[0]!.text])).toEqual([
      ['/fh', ['物流'], '亲，付款后48小时内发货哦～'],
      ['/12', ['售后'], '亲，七天无理由退换 & <运费险>\n已为您投保'],
    ]);
    // Row 5 of the sheet: the title row above the header counts.
    expect(result.skipped).toEqual([{ where: 'row 5 ("kb")', message: 'empty 快捷短语' }]);
  });

  it("reads Huashu's columns from a workbook, several questions per cell", async () => {
    const read = await readImportFile(
      workbook([
        {
          name: 'Sheet1',
          rows: [
            ['title', 'questions', 'reply', 'shortcut'],
            ['Shipping time', 'when do you ship | how long to ship', 'We ship within 48 hours.', '/ship'],
          ],
        },
      ]),
    );
    const result = ok('xlsx', read.text);
    expect(result.pack.entries[0]).toMatchObject({
      title: 'Shipping time',
      questions: ['when do you ship', 'how long to ship'],
      shortcut: '/ship',
    });
  });

  it('says which sheets it saw when none has a reply column, and that an old .xls must be saved as .xlsx', async () => {
    const unknown = workbook([
      {
        name: 'Orders',
        rows: [
          ['order', 'buyer'],
          ['1', 'a'],
        ],
      },
    ]);
    await expect(readImportFile(unknown)).rejects.toThrow(
      /no sheet has a 快捷短语 or "reply" column.*"Orders": order, buyer/,
    );
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readImportFile(xls)).rejects.toThrow('save it as .xlsx or CSV');
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    await expect(readImportFile(brokenZip)).rejects.toThrow('not a readable .xlsx workbook');
  });

  it('decodes a CSV saved as GB18030 (Excel or WPS on a Chinese system) and leaves UTF-8 alone', async () => {
    // "分组,快捷编码,快捷短语\n物流,fh,亲，发货啦" in GB18030.
    const gb = new Uint8Array([
      0xb7, 0xd6, 0xd7, 0xe9, 0x2c, 0xbf, 0xec, 0xbd, 0xdd, 0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xbf, 0xec, 0xbd, 0xdd, 0xb6,
      0xcc, 0xd3, 0xef, 0x0a, 0xce, 0xef, 0xc1, 0xf7, 0x2c, 0x66, 0x68, 0x2c, 0xc7, 0xd7, 0xa3, 0xac, 0xb7, 0xa2, 0xbb,
      0xf5, 0xc0, 0xb2,
    ]);
    const read = await readImportFile(gb);
    expect(read).toEqual({ text: '分组,快捷编码,快捷短语\n物流,fh,亲，发货啦', readAs: 'GB18030', workbook: false });
    expect(await readImportFile(new TextEncoder().encode('标题,回复\n发货,亲'))).toEqual({
      text: '标题,回复\n发货,亲',
      workbook: false,
    });
  });
});

const SHARED = join(process.cwd(), '../shared/data/imports');

/**
 * Optional: real export files of each tool (one folder per format), kept in a data folder beside the
 * repository, not in it. When the folder is there every file must import into a valid pack; when it is
 * not (a fresh clone, CI) the suite is skipped.
 */
describe.skipIf(!existsSync(SHARED))('real export files beside the repository', () => {
  // The body is collected even when skipped: read the folder only when it is there.
  const files = (existsSync(SHARED) ? readdirSync(SHARED, { withFileTypes: true }) : [])
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(SHARED, d.name))
        .filter((f) => !f.endsWith('.md'))
        .map((f) => [d.name, join(SHARED, d.name, f)] as const),
    );
  it.each(files)('%s: %s', (format, file) => {
    const source = readFileSync(file, 'utf8');
    expect(detectFormat(file, source)).toBe(format);
    const result = importPack(format as ImportFormat, source, { id: 'real' });
    expect(result.ok ? result.imported : result.errors).toBeGreaterThan(0);
  });
});
