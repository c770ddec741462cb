import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../lib/adapters/types';
import { runKpack } from '../../lib/cli/kpack';
import { currentProduct } from '../../lib/chats/product';
import { createPanelStore } from '../../lib/state/panel/store';
import { lintPack } from '../../lib/packs/lint';
import type { PackInput } from '../../lib/packs/schema';
import { validatePack } from '../../lib/packs/validate';
import { productFit, productMatches } from '../../lib/suggest/rank/products';
import { SuggestEngine } from '../../lib/suggest/engine';
import { pack, shippedPack } from '../helpers/packs';
import { memoryPanelServices, taobaoChat } from '../helpers/panel';

/** A shoe shop (not a shipped pack): the same sizing question has a different answer per item. */
const shoeShop: PackInput = {
  format: 'huashu-pack/1',
  id: 'shoe-shop',
  name: '步履鞋店',
  version: '1.0.0',
  entries: [
    {
      id: 'fit',
      title: '尺码偏大偏小',
      questions: ['鞋子偏大还是偏小', '尺码准吗', '要拍大一码吗'],
      keywords: ['偏大', '偏小', '尺码'],
      replies: [{ text: '亲，我家鞋子是标准码，平时穿多少码就拍多少码哦～' }],
    },
    {
      id: 'fit-runner',
      title: '尺码偏大偏小（云跑鞋）',
      questions: ['鞋子偏大还是偏小', '尺码准吗', '要拍大一码吗'],
      keywords: ['偏大', '偏小', '尺码'],
      products: ['云跑鞋', 'YP-330'],
      replies: [{ text: '亲，云跑鞋鞋楦偏窄，脚宽的建议拍大半码哦～' }],
    },
    {
      id: 'fit-boot',
      title: '尺码偏大偏小（马丁靴）',
      questions: ['鞋子偏大还是偏小', '尺码准吗', '要拍大一码吗'],
      keywords: ['偏大', '偏小', '尺码'],
      products: ['马丁靴'],
      replies: [{ text: '亲，马丁靴偏大一码，建议拍小一码，冬天穿厚袜就拍正常码～' }],
    },
    {
      id: 'ship',
      title: '发货',
      questions: ['什么时候发货'],
      keywords: ['发货'],
      replies: [{ text: '亲，付款后两天内发货哦～' }],
    },
  ],
};

const engine = new SuggestEngine();
engine.setPacks([pack(shoeShop)]);
const first = (text: string, product?: string) => engine.suggest({ text, product }).suggestions[0]?.entryId;
const ids = (text: string, product?: string) => engine.suggest({ text, product }).suggestions.map((s) => s.entryId);

describe('product-aware ranking', () => {
  it("puts the item's own entry first for its item", () => {
    expect(first('这双鞋偏大还是偏小', '步履 云跑鞋 男款 轻量缓震')).toBe('fit-runner');
    expect(first('这双鞋偏大还是偏小', '复古马丁靴 8孔 黑色')).toBe('fit-boot');
    expect(first('尺码准吗', 'YP-330')).toBe('fit-runner');
  });

  it('matches fragments and codes after folding width and case', () => {
    expect(first('要拍大一码吗', 'ｙｐ－３３０ 白色')).toBe('fit-runner');
    expect(productMatches('YP-330', '新款yp-330跑鞋')).toBe(true);
    expect(productMatches('马丁靴', '馬丁靴 高幫')).toBe(true);
    expect(productMatches('云跑鞋', '帆布鞋')).toBe(false);
  });

  it('puts the generic entry first for another item and for none, the item entries after it', () => {
    expect(first('这双鞋偏大还是偏小', '帆布鞋 低帮')).toBe('fit');
    expect(first('这双鞋偏大还是偏小')).toBe('fit');
    const order = ids('这双鞋偏大还是偏小', '帆布鞋 低帮');
    expect(order.indexOf('fit')).toBeLessThan(order.indexOf('fit-runner'));
  });

  it('leaves other questions alone', () => {
    expect(first('什么时候发货', '复古马丁靴')).toBe('ship');
  });

  it('reads the fit of an entry', () => {
    expect(productFit({ products: undefined }, 'x')).toBe('generic');
    expect(productFit({ products: ['云跑鞋'] }, undefined)).toBe('other');
    expect(productFit({ products: ['云跑鞋'] }, '云跑鞋 2代')).toBe('match');
  });
});

describe('products in the pack format', () => {
  it('refuses an empty fragment', () => {
    const result = validatePack({
      ...shoeShop,
      entries: [{ id: 'a', title: 'A', questions: ['q'], products: ['  '], replies: [{ text: 'x' }] }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe('entries[0].products[0]');
  });

  it('lints a fragment named twice (width and case folded), not the same question for other items', () => {
    const warnings = lintPack(
      pack({
        ...shoeShop,
        entries: [
          ...shoeShop.entries,
          {
            id: 'fit-runner-2',
            title: '尺码（云跑鞋 再问）',
            questions: ['要拍大一码吗'],
            products: ['yp-330', 'ＹＰ－３３０'],
            replies: [{ text: '亲，拍大半码哦～' }],
          },
        ],
      }),
    );
    expect(warnings.map((w) => `${w.path} ${w.rule}`)).toEqual([
      'entries[4].products[1] duplicate-product',
      'entries[4].questions[0] duplicate-question',
    ]);
    expect(lintPack(pack(shoeShop))).toEqual([]);
  });
});

describe('the product in question', () => {
  const conversation = (messages: Conversation['messages'], productTitles: string[] = []): Conversation => ({
    platform: 'taobao',
    conversationId: 'b',
    messages,
    orderIds: [],
    productTitles,
  });

  it('is the latest product card, else the product bar', () => {
    const card = (id: string, product: string) => ({
      id,
      role: 'buyer' as const,
      text: `[商品] ${product}`,
      kind: 'product' as const,
      product,
    });
    const text = (id: string) => ({ id, role: 'buyer' as const, text: '偏大吗', kind: 'text' as const });
    expect(
      currentProduct(conversation([card('1', '云跑鞋'), text('2'), card('3', '马丁靴'), text('4')], ['帆布鞋'])),
    ).toBe('马丁靴');
    expect(currentProduct(conversation([text('1')], ['帆布鞋']))).toBe('帆布鞋');
    expect(currentProduct(conversation([text('1')]))).toBeUndefined();
    expect(currentProduct(null)).toBeUndefined();
  });
});

describe('the shipped apparel pack', () => {
  const apparel = new SuggestEngine();
  apparel.setPacks([shippedPack('tmall-apparel')]);
  const top = (text: string, product?: string) =>
    apparel.suggest({ text, product, platform: 'taobao' }).suggestions[0]?.entryId;

  it('answers 偏大还是偏小 per item: the down parka, the silk shirt, another item, none', () => {
    expect(top('这款偏大还是偏小', '栖木 极寒羽绒服 女 中长款 白鸭绒')).toBe('size-fit-down-parka');
    expect(top('这款偏大还是偏小', '栖木 桑蚕丝真丝衬衫 长袖')).toBe('size-fit-silk-shirt');
    expect(top('这款偏大还是偏小', 'ACME 春季新款风衣女中长款 卡其色')).toBe('size-fit');
    expect(top('这款偏大还是偏小')).toBe('size-fit');
    expect(top('这个能机洗吗', 'QM-SC1088')).toBe('wash-care-silk-shirt');
    expect(top('这个能机洗吗', 'QM-DJ2026')).toBe('wash-care');
    // An item's entry sharing a word with the message (毛衣) stays after the generic answer.
    expect(top('东西没给齐 毛衣没在里面')).toBe('missing-item');
  });
});

describe('kpack suggest with a product', () => {
  it('reads "product" on an input line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kpack-product-'));
    const file = join(dir, 'shoes.json');
    await writeFile(file, JSON.stringify(shoeShop));
    const out: string[] = [];
    const lines = [
      JSON.stringify({ text: '鞋子偏大还是偏小', product: '复古马丁靴' }),
      JSON.stringify({ text: '鞋子偏大还是偏小' }),
    ];
    const code = await runKpack(['suggest', '--pack', file, '--top', '1'], {
      readFile: (path) => readFile(path, 'utf8'),
      readBytes: async (path) => new Uint8Array(await readFile(path)),
      writeFile: async () => {},
      readStdin: async function* () {
        yield* lines;
      },
      out: (line) => out.push(line),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(out.map((line) => (JSON.parse(line) as { ids: string[] }).ids)).toEqual([['fit-boot'], ['fit']]);
  });
});

describe('the panel and the product in question', () => {
  it('ranks for the latest product card, which names the item without being part of the question', async () => {
    const services = memoryPanelServices([pack(shoeShop)], new Date(2026, 11, 10));
    const store = createPanelStore(services);
    await store.getState().reloadPacks();
    const card = (id: string, product: string) =>
      ({ id, role: 'buyer', text: `[商品] ${product} 发货快`, kind: 'product', product }) as const;
    const chat = (messages: Conversation['messages']) =>
      taobaoChat({ conversationId: 'b', messages, productTitles: ['帆布鞋'] });
    const question = { id: 'q', role: 'buyer', text: '这双鞋偏大还是偏小', kind: 'text' } as const;
    store.getState().setChat(chat([card('c', '复古马丁靴'), question]));
    expect(store.getState().product).toBe('复古马丁靴');
    // "发货快" in the card is not asked: the shipping entry is not suggested.
    expect(store.getState().items.map((i) => i.entryId)).toEqual(['fit-boot', 'fit', 'fit-runner']);
    store.getState().setChat(chat([question]));
    expect(store.getState().product).toBe('帆布鞋');
    expect(store.getState().items[0]?.entryId).toBe('fit');
  });
});
