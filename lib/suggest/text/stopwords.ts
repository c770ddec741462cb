/**
 * Words that carry no intent. Greetings, thanks and acknowledgements are listed apart: a message made
 * only of those ("在吗", "ok thanks") gets no suggestion, however a pack is written.
 */

/** Greeting / courtesy / acknowledgement words and phrases (normalised, simplified Chinese). */
export const COURTESY_TERMS = new Set(
  (
    '在吗 在不在 不在 在么 在嘛 在 好呀 滴 哒 你好 您好 亲 亲亲 亲们 哈喽 嗨 谢谢 谢啦 谢了 多谢 感谢 好的 好滴 好哒 好嘞 好吧 好 嗯 嗯嗯 哦 哦哦 噢 知道了 收到 明白 了解 可以 行 行吧 没事 没问题 客服 老板 掌柜 宝 宝宝 美女 帅哥 早 早上好 晚上好 下午好 中午好 拜拜 再见 辛苦 辛苦了 麻烦 ' +
    'hi hello hey hallo ok okay k kk thanks thank thx ty cheers cool great awesome nice perfect sure yes yeah yep no nope good morning afternoon evening bye goodbye got alright appreciate appreciated much lot so very ya you it that helpful welcome there anyone sir madam lol haha hahaha hehe omg oops sorry btw mate buddy dude guys folks pal'
  ).split(' '),
);

/** Function words dropped from both index and query (English, after lower-casing). */
export const ENGLISH_STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for from with about as into onto over under up down out off ' +
    'i me my mine myself we us our ours you your yours he him his she her it its they them their this that these those ' +
    'am is are was were be been being do does did doing have has had having will would shall should can could may might must ' +
    'im ive id ill youre its thats theres whats dont doesnt didnt cant couldnt wont wouldnt isnt arent wasnt ' +
    'please pls plz just also very really too some any all there here what which who whom whose ' +
    'hi hello hey dear thanks thank thx u ur ok okay yes know let like got want wanna need help assist assistance ' +
    'one someone something anything someth way than because while though although whether'
  ).split(' '),
);

/** Chinese function words and particles (simplified). Content words like 发货 never appear here. */
export const CHINESE_STOPWORDS = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 哈 嘛 么 哇 喔 嘞 啦 噢 呐 哎 唉 嗯 额 呃 哟 ' +
    '我 你 您 他 她 它 我们 你们 他们 咱 咱们 这 那 这个 那个 这边 那边 这样 那样 ' +
    '是 有 在 就 都 也 还 又 和 跟 与 及 或 或者 而 但 但是 可是 因为 所以 如果 的话 ' +
    '甚么 没有 有没 有没有 还有 是不 不是 是不是 一下 这个 那个 这件 那件 一个 一件 有点 一直 现在 已经 就是 还是 然后 自己 知道 帮忙 好几 请问 问下 问一下 想问 想问下 我想 一下 下 个 一个 些 一些 什么 怎么 怎样 怎么样 如何 为什么 哪 哪个 哪里 多少 几 ' +
    '能 能不能 能不 可以 可不可以 可不 会 会不会 会不 要 要不要 要不 想 需要 给 让 把 被 帮 帮我 麻烦 ' +
    '亲 亲亲 你好 您好 在吗 在不在 谢谢 好的 客服 宝 宝宝 老板 掌柜 哈喽'
  ).split(' '),
);
