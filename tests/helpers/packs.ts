import { readFileSync } from 'node:fs';
import { bytesToBase64 } from '../../lib/messaging/base64';
import type { Pack, PackInput } from '../../lib/packs/schema';
import { parsePack, validatePack } from '../../lib/packs/validate';

/** The `importPack` message the options page sends for a file of this name and content. */
export function fileMessage(fileName: string, content: string | Uint8Array): { fileName: string; base64: string } {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { fileName, base64: bytesToBase64(bytes) };
}

/** Validates a pack written in a test, failing loudly when the test's own pack is wrong. */
export function pack(input: PackInput): Pack {
  const result = validatePack(input);
  if (!result.ok) throw new Error(`test pack is invalid: ${JSON.stringify(result.errors)}`);
  return result.pack;
}

/** A pack shipped in knowledge-packs/, by id, failing loudly when it does not validate. */
export function shippedPack(id: string): Pack {
  const result = parsePack(readFileSync(new URL(`../../knowledge-packs/${id}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`knowledge-packs/${id}.json is invalid: run npx kpack validate on it`);
  return result.pack;
}

/** A small Tmall-style pack exercising facts, scenarios, platforms, cards and locales. */
export const miniStore: PackInput = {
  format: 'huashu-pack/1',
  id: 'mini-store',
  name: '小店旗舰店',
  version: '1.0.0',
  locale: 'zh-CN',
  facts: {
    shipWithinHours: 48,
    priceProtectDays: { value: 7, label: '价保天数', keywords: ['价保', '保价'] },
    returnDays: 7,
  },
  scenarios: [
    { id: 'double11', name: '双11', from: '2026-11-01', to: '2026-11-12' },
    { id: 'presale', name: '预售' },
  ],
  entries: [
    {
      id: 'ship-time',
      title: '发货时间',
      questions: ['什么时候发货', '多久能发货', '今天能发吗', '几天发货'],
      keywords: ['发货'],
      replies: [
        { text: '{{customer.name|亲}}，付款后{{facts.shipWithinHours}}小时内发货哦～', locale: 'zh-CN' },
        { text: 'We ship within {{facts.shipWithinHours}} hours of payment.', locale: 'en' },
      ],
      shortcut: '/fh',
      tags: ['物流'],
    },
    {
      id: 'invoice',
      title: '开发票',
      questions: ['能开发票吗', '发票怎么开', '可以开专票吗'],
      keywords: ['发票', '开票'],
      replies: [{ text: '可以开电子发票，确认收货后在订单页申请即可～' }],
      shortcut: '/fp',
    },
    {
      id: 'refund-progress',
      title: '退款进度',
      questions: ['退款什么时候到账', '退款怎么还没到', '钱什么时候退回来'],
      keywords: ['退款'],
      replies: [{ text: '退款已受理，一般1-3个工作日原路退回，订单{{order.id}}请留意～' }],
    },
    {
      id: 'price-protect',
      title: '价保',
      questions: ['降价了能补差价吗', '买贵了怎么办', '保价吗'],
      keywords: ['价保', '差价'],
      replies: [{ text: '下单{{facts.priceProtectDays}}天内降价可申请价保～' }],
    },
    {
      id: 'presale-deposit',
      title: '预售定金',
      questions: ['定金能退吗', '尾款什么时候付'],
      keywords: ['定金', '尾款'],
      scenarios: ['presale'],
      replies: [{ text: '预售定金不退哦，尾款开放后记得支付～' }],
    },
    {
      id: 'double11-rules',
      title: '双11活动规则',
      questions: ['双11有什么活动', '满减怎么算'],
      keywords: ['双11', '满减'],
      scenarios: ['double11'],
      replies: [{ text: '双11期间跨店每满300减50～' }],
    },
    {
      id: 'jd-only',
      title: '京东物流',
      questions: ['是京东物流吗'],
      keywords: ['京东物流'],
      platforms: ['jd'],
      replies: [{ text: '京东物流配送～' }],
    },
    {
      id: 'fading-card',
      title: '褪色处理指南',
      kind: 'card',
      questions: ['衣服褪色了', '洗了掉色'],
      keywords: ['褪色', '掉色'],
      cause: '深色棉麻首次洗涤浮色',
      resolution: '建议冷水手洗，如严重褪色可退换',
      replies: [{ text: '深色首洗轻微浮色属正常；严重褪色可走退换。' }],
    },
  ],
};

/** An English pack in the style of the Bitext protocol. */
export const miniEnglish: PackInput = {
  format: 'huashu-pack/1',
  id: 'mini-en',
  name: 'Mini Shop',
  version: '1.0.0',
  locale: 'en',
  entries: [
    {
      id: 'cancel-order',
      title: 'Cancel an order',
      questions: ['how do I cancel my order', 'I want to cancel purchase', 'cancel order please'],
      replies: [{ text: 'You can cancel from your order page within 1 hour.' }],
    },
    {
      id: 'track-order',
      title: 'Track an order',
      questions: ['where is my package', 'track my order', 'order status'],
      replies: [{ text: 'Here is your tracking link: {cursor}' }],
    },
    {
      id: 'refund',
      title: 'Get a refund',
      questions: ['I want my money back', 'how do I get a refund', 'request a refund'],
      replies: [{ text: 'Refunds go back to the original payment method.' }],
    },
    {
      id: 'reset-password',
      title: 'Reset password',
      questions: ['forgot my password', 'cannot log in', 'reset password'],
      replies: [{ text: 'Use "Forgot password" on the sign-in page.' }],
    },
  ],
};

/** A fresh evaluation pack of tests/eval/packs (never shipped, never fitted to), by id. */
export function freshPack(id: string): Pack {
  const result = parsePack(readFileSync(new URL(`../eval/packs/${id}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`tests/eval/packs/${id}.json is invalid: run npx kpack validate on it`);
  return result.pack;
}

/** Four account entries told apart by their verbs; their fillers (gold, platinum, free, pro) are slot fillers. */
export const accountsStore: PackInput = {
  format: 'huashu-pack/1',
  id: 'accounts',
  name: 'Accounts',
  version: '1.0.0',
  locale: 'en',
  entries: [
    {
      id: 'delete-account',
      title: 'Delete account',
      questions: ['cancellation of my platinum account', 'close a gold account', 'terminate the free account'],
      replies: [{ text: 'Go to Settings > Delete account.' }],
    },
    {
      id: 'edit-account',
      title: 'Edit account',
      questions: ['modify my gold account', 'change data on pro account', 'update info'],
      replies: [{ text: 'Go to Settings > Profile.' }],
    },
    {
      id: 'switch-account',
      title: 'Switch account',
      questions: ['change to the pro account', 'move to the free account', 'upgrade to platinum account'],
      replies: [{ text: 'Go to Settings > Plan.' }],
    },
    {
      id: 'create-account',
      title: 'Create account',
      questions: ['open a premium account', 'register an account', 'sign up'],
      replies: [{ text: 'Sign up on the home page.' }],
    },
  ],
};
