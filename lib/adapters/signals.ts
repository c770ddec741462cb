/**
 * What the chat pane tells about the buyer besides the messages: whether an order exists (after-sale)
 * or not yet (presale), and whether the buyer's badges show a member tier (VIP). Pure functions over
 * text and a root element, so each site's adapter passes its own selectors (`buyerBadge`, `orderCard`,
 * `orderStatus`) and the fixtures test them.
 */
import { queryAll, textOf } from './dom';
import type { ChatPaneMessage, ChatSignals, SelectorMap } from './types';

/** Order states as the Chinese consoles write them (order cards, system lines, the order side bar). */
const ORDER_STATE_ZH = /已下单|已拍下|已付款|已支付|待发货|已发货|待收货|已签收|已收货|交易成功|退款中|售后中/;
/**
 * Shopify's order and payment/fulfilment statuses, as status badges write them ("Paid · Fulfilled"), and
 * its order events ("Order #1057 created"). The bare words are too common in buyer messages ("I paid
 * attention") to count inside a sentence.
 */
const STATUS_EN = '(?:partially )?(?:paid|fulfilled|unfulfilled|shipped|delivered|refunded)';
const ORDER_STATE_EN = new RegExp(
  `^\\s*(?:(?:order|payment|fulfillment) status:?\\s*)?${STATUS_EN}(?:\\s*[·,|/]\\s*${STATUS_EN})*\\s*$|\\border\\s+#?[a-z]*\\d+\\s+(?:was\\s+)?(?:created|placed|paid|fulfilled|shipped|delivered)\\b`,
  'i',
);

/** Whether a text names an order state (已付款, 已发货, a "Paid · Fulfilled" badge, "Order #1057 created"). */
export function namesOrderState(text: string): boolean {
  return ORDER_STATE_ZH.test(text) || ORDER_STATE_EN.test(text);
}

/** After-sale when an order card, an order number or an order state shows; presale otherwise. */
export function stageOf(evidence: { texts: string[]; orderCards: number; orderIds: number }): ChatSignals['stage'] {
  if (evidence.orderCards > 0 || evidence.orderIds > 0 || evidence.texts.some(namesOrderState)) return 'aftersale';
  return 'presale';
}

/** Tier words in badges and customer tags: 88VIP, 超级会员, PLUS会员, 钻石/铂金/黄金会员, a "VIP" tag. */
const TIER_WORDS = /88\s*vip|超级会员|plus\s*会员|钻石|铂金|黄金会员|\bvip\b/i;
/** 淘气值 from 1000 is 88VIP's line. */
const TAOQI = /淘气值\D{0,3}(\d{3,5})/;
/** 会员等级 V3 / LV3 / 3级 and up. */
const LEVEL = /(?:会员等级|等级|会员)\D{0,3}(?:v|lv)?\s*(\d{1,2})\s*级?/i;

/** Whether the buyer's badges show a member tier. */
export function isVip(badges: string[]): boolean {
  return badges.some((badge) => {
    const text = badge.normalize('NFKC');
    if (TIER_WORDS.test(text)) return true;
    const taoqi = TAOQI.exec(text);
    if (taoqi && Number(taoqi[1]) >= 1000) return true;
    const level = LEVEL.exec(text);
    return level !== null && Number(level[1]) >= 3;
  });
}

/** The signals of a pane: its badges, order cards and order statuses, and the messages already read. */
export function readSignals(
  root: ParentNode,
  /** `buyerBadge`, `orderCard`, `orderStatus` (absent: none of that kind on the site). */
  selectors: SelectorMap,
  messages: ChatPaneMessage[],
  orderIds: string[],
): ChatSignals {
  const badges = [...new Set(queryAll(root, selectors.buyerBadge).map(textOf).filter(Boolean))];
  const statuses = queryAll(root, selectors.orderStatus).map(textOf);
  const cards = queryAll(root, selectors.orderCard);
  const stage = stageOf({
    texts: [...statuses, ...cards.map(textOf), ...messages.map((m) => m.text)],
    orderCards: cards.length + messages.filter((m) => m.kind === 'order').length,
    orderIds: orderIds.length,
  });
  return { stage, vip: isVip(badges), badges };
}
