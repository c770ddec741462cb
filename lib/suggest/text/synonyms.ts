/**
 * Customer-service synonyms. Buyers and team leads rarely use the same word for the same thing
 * ("close my account" vs "delete account", "退钱" vs "退款"); a query word also matches the other words
 * of its group, at `SYNONYM_WEIGHT`. Groups hold surface words; they are normalised and stemmed with
 * the tokenizer's own rules, so "refunds" finds the "refund" group.
 */
import { stem } from './stem';
import { normalizeText } from './normalize';

export const SYNONYM_WEIGHT = 0.6;

const SYNONYM_GROUPS: string[][] = [
  // English
  ['delete', 'remove', 'close', 'terminate', 'deactivate', 'erase'],
  ['cancel', 'cancellation', 'void', 'annul'],
  ['change', 'modify', 'edit', 'update', 'alter', 'amend', 'correct'],
  ['swap', 'exchange', 'replace', 'substitute'],
  ['invoice', 'bill', 'receipt', 'billing'],
  ['refund', 'reimburse', 'reimbursement', 'rebate', 'compensation', 'moneyback', 'chargeback', 'repayment'],
  ['password', 'pass', 'pwd', 'passcode', 'pin'],
  ['buy', 'purchase', 'acquire'],
  ['item', 'article', 'product', 'thing', 'goods'],
  ['ship', 'shipping', 'deliver', 'delivery', 'send', 'dispatch', 'post', 'mail'],
  ['track', 'tracking', 'locate', 'trace', 'where', 'status'],
  ['package', 'parcel', 'shipment', 'box'],
  ['call', 'phone', 'ring', 'dial', 'telephone'],
  ['talk', 'speak', 'chat', 'contact', 'reach'],
  ['human', 'person', 'someone', 'agent', 'representative', 'rep', 'operator', 'somebody'],
  ['signup', 'register', 'registration', 'enroll', 'join'],
  ['account', 'profile', 'user', 'login'],
  ['problem', 'issue', 'error', 'trouble', 'bug', 'fail', 'failure'],
  ['complaint', 'complain', 'claim', 'grievance', 'dissatisfied', 'unhappy'],
  ['fee', 'charge', 'cost', 'penalty', 'price'],
  ['newsletter', 'subscription', 'subscribe', 'mailing', 'emails'],
  ['review', 'feedback', 'opinion', 'rating', 'rate'],
  ['address', 'location', 'addr'],
  ['payment', 'pay', 'paying', 'card', 'checkout'],
  ['money', 'cash', 'funds', 'dollars'],
  ['damaged', 'broken', 'defective', 'faulty', 'cracked'],
  ['return', 'send back'],
  ['discount', 'coupon', 'promo', 'voucher', 'code'],
  ['size', 'sizing', 'fit', 'measurement'],
  ['long', 'time', 'days', 'soon', 'when'],
  // Chinese (simplified)
  ['发货', '发出', '寄出', '出库', '发走', '寄'],
  ['快递', '物流', '包裹', '单号'],
  ['退款', '退钱', '退费', '返款', '钱退'],
  ['退货', '退回', '寄回', '退掉'],
  ['换货', '换一个', '调换', '更换', '换'],
  ['发票', '开票', '票据', '收据'],
  ['尺码', '尺寸', '码数', '大小', '号码'],
  ['地址', '收货地址', '收件地址'],
  ['修改', '改', '更改', '变更', '换成'],
  ['取消', '撤销', '不要了', '作废'],
  ['优惠券', '券', '红包', '折扣'],
  ['价保', '保价', '补差价', '差价'],
  ['质量', '做工', '品质'],
  ['投诉', '举报', '维权', '差评'],
  ['人工', '真人', '转人工', '人工客服'],
  ['保修', '质保', '维修', '售后'],
  ['安装', '装机', '上门安装'],
  ['多久', '几天', '多长时间', '什么时候', '啥时候', '何时'],
  ['到货', '送到', '收到', '到'],
  ['褪色', '掉色', '染色'],
  ['缩水', '变小', '缩'],
  ['面料', '料子', '材质', '布料', '成分'],
  ['异味', '味道', '气味', '难闻', '臭'],
  ['破损', '压坏', '压烂', '变形', '磕碰', '碎了'],
  ['进水', '泡水', '掉水里', '受潮'],
  ['驿站', '快递柜', '代收点', '丰巢', '自提柜'],
  ['分期', '花呗', '白条'],
  ['批发', '团购', '批量', '量大', '集采'],
  ['正品', '真货', '行货', '假货', '假的'],
  ['吊牌', '挂牌', '标签', '洗标'],
  ['维修点', '售后网点', '服务中心', '维修站'],
  // Outside the mainland: stores answer these together (港澳台及海外).
  ['港澳', '香港', '澳门', '台湾', '海外', '国外', '境外'],
  // Remote areas of the mainland, which carry their own shipping times and fees.
  ['偏远', '新疆', '西藏', '青海', '内蒙', '宁夏', '乌鲁', '喀什', '拉萨', '西宁', '银川', '呼和'],
];

/**
 * English words and their Chinese counterparts, for buyers who write English to a store whose pack is in
 * Chinese (and the reverse). Pairs, not groups: linking a Chinese word to a whole English group would
 * make unrelated Chinese words synonyms of each other. Chinese sides are two-character words, the
 * index's bigrams.
 */
const CROSS_LANGUAGE: Array<[english: string, chinese: string]> = [
  ['ship', '发货'],
  ['shipping', '发货'],
  ['dispatch', '发货'],
  ['deliver', '配送'],
  ['delivery', '配送'],
  ['arrive', '到货'],
  ['refund', '退款'],
  ['return', '退货'],
  ['exchange', '换货'],
  ['size', '尺码'],
  ['fit', '合身'],
  ['wash', '洗涤'],
  ['dryer', '烘干'],
  ['cheaper', '降价'],
  ['difference', '差价'],
  ['invoice', '发票'],
  ['receipt', '发票'],
  ['wrong', '发错'],
  ['damaged', '破损'],
  ['broken', '损坏'],
  ['color', '颜色'],
  ['colour', '颜色'],
  ['install', '安装'],
  ['installation', '安装'],
  ['warranty', '保修'],
  ['repair', '维修'],
  ['genuine', '正品'],
  ['authentic', '正品'],
  ['official', '正品'],
  ['coupon', '优惠'],
  ['discount', '优惠'],
  ['cancel', '取消'],
  ['address', '地址'],
  ['pay', '付款'],
  ['paid', '付款'],
  ['payment', '支付'],
  ['fade', '褪色'],
  ['shrink', '缩水'],
  ['track', '物流'],
  ['tracking', '物流'],
  ['parcel', '包裹'],
  ['package', '包裹'],
  ['stock', '有货'],
  ['price', '价格'],
  ['human', '人工'],
  ['complaint', '投诉'],
  ['sf', '顺丰'],
  ['overseas', '海外'],
  ['abroad', '海外'],
  ['fabric', '面料'],
  ['material', '材质'],
  ['gift', '赠品'],
  ['postage', '运费'],
  ['freight', '运费'],
];

let lookup: Map<string, string[]> | null = null;

/** Other terms of the groups a term (normalised, stemmed) belongs to. */
export function synonymsOf(term: string): string[] {
  if (!lookup) {
    lookup = new Map();
    for (const group of [...SYNONYM_GROUPS, ...CROSS_LANGUAGE]) {
      const terms = group.map(termOfWord).filter((t): t is string => t !== null);
      for (const t of terms) {
        const others = terms.filter((o) => o !== t);
        lookup.set(t, [...new Set([...(lookup.get(t) ?? []), ...others])]);
      }
    }
  }
  return lookup.get(term) ?? [];
}

/** The single term a dictionary word becomes (null for phrases or stop words). */
function termOfWord(word: string): string | null {
  const normalized = normalizeText(word);
  if (/\p{Script=Han}/u.test(normalized)) return normalized;
  if (!/^[a-z]+$/.test(normalized)) return null;
  return stem(normalized);
}
