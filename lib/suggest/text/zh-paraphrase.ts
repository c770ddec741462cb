/**
 * Chinese complaints told as what happened rather than named: "我要的是黑色你发个白色过来" is a wrong item,
 * "箱子里没找着遥控器" a missing one, "昨天刚买今天就便宜三十" a price drop. Each pattern is the grammar of the
 * complaint (what was ordered, then what came; a container, then what is not in it; a purchase, then a lower
 * price); the word a team lead writes for it is added to the message. Messages only (normalised, simplified).
 */

/** 我要的/买的/拍的/下单的是 X … 发/寄/给 … Y: the thing ordered, then the thing sent. */
const WRONG_ITEM =
  /我(?:要|买|拍|订|选|下单)的(?:是)?[^。！？!?]{1,16}?(?:你们?|结果|却|怎么|咋)[^。！？!?]{0,6}?(?:发|寄|给)(?:了|个|成|来|的|我)/u;

/** 箱子/盒子/包裹里 没有/没找着/少了 X, 只收到 N: part of the order did not come. */
const MISSING_ITEM =
  /(?:箱子|盒子|包裹|快递|袋子|包装)里(?:面)?(?:没有|没找着|没找到|找不到|少了|缺了?)|只(?:收到|到了|发了)(?:\d+|[一两二三四五六七八九十])/u;

/** 刚买/买了/拍了/下单 … 就/又 便宜/降价/降了: the price fell after the purchase. */
const PRICE_DROP = /(?:刚买|买了|拍了|刚拍|下单|刚下单)[^。！？!?]{0,10}?(?:就|又|却|马上)?(?:便宜|降价|降了|打折)/u;

/** The message with the name of the complaint it tells added; the same string when it tells none. */
export function nameChineseComplaints(normalized: string): string {
  if (!/\p{Script=Han}/u.test(normalized)) return normalized;
  const names: string[] = [];
  if (WRONG_ITEM.test(normalized)) names.push('发错了');
  if (MISSING_ITEM.test(normalized)) names.push('少发');
  if (PRICE_DROP.test(normalized)) names.push('降价了');
  return names.length ? `${normalized}，${names.join('，')}` : normalized;
}
