import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, idFromTitle, importPack, type ImportFormat } from '../../lib/importers';
import { htmlToText } from '../../lib/importers/text';
import { lintPack } from '../../lib/packs/lint';

/** Small exports written here after each tool's documented shape (../shared/data/imports/README.md). */
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

const SHARED = join(process.cwd(), '../shared/data/imports');

/** The real export files beside the repo (not in it): every one imports into a valid pack. */
describe.skipIf(!existsSync(SHARED))('real export files in ../shared/data/imports', () => {
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
