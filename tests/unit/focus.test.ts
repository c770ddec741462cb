import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../lib/suggest/text/normalize';
import {
  asksAnything,
  isApologyOnly,
  isDetailOnly,
  isForAnotherChat,
  isHoldingOnly,
  isPlainStatement,
  isPraiseOnly,
  needsNoAnswer,
  NEGATED_WEIGHT,
  readFocus,
  STORY_WEIGHT,
  STORY_WEIGHT_GENERIC_ASK,
} from '../../lib/suggest/rank/focus';

const focus = (text: string) => readFocus(normalizeText(text));

describe('readFocus', () => {
  it('weighs a single clause fully', () => {
    expect(focus('什么时候发货')).toEqual([{ text: '什么时候发货', weight: 1 }]);
  });

  it('turns down what the buyer does not want when a contrast follows', () => {
    expect(focus('不是要退，是想换个码')).toEqual([
      { text: '不是要退', weight: NEGATED_WEIGHT },
      { text: '是想换个码', weight: 1 },
    ]);
    expect(focus("I don't want a refund, just a different size")).toEqual([
      { text: "i don't want a refund", weight: NEGATED_WEIGHT },
      { text: 'just a different size', weight: 1 },
    ]);
  });

  it('reads English "not X, Y" forms: what the buyer does not want, then what they want', () => {
    expect(focus("I'm not trying to return it for money, I need a medium")).toEqual([
      { text: "i'm not trying to return it for money", weight: NEGATED_WEIGHT },
      { text: 'i need a medium', weight: 1 },
    ]);
    expect(focus("No I don't want credit on your site, I want the money on my card")[0]!.weight).toBe(NEGATED_WEIGHT);
    expect(focus("I'm not asking about the price, I mean can it ship to Canada")[0]!.weight).toBe(NEGATED_WEIGHT);
    expect(focus("It isn't the wrong item, it's the right item but one is missing")[0]!.weight).toBe(NEGATED_WEIGHT);
    expect(focus('It’s not a fit problem, it came torn')[0]).toEqual({
      text: 'it’s not a fit problem',
      weight: NEGATED_WEIGHT,
    });
    expect(focus("I'm not international, I'm in Ohio. Do I pay for the return?").map((c) => c.weight)).toEqual([
      NEGATED_WEIGHT,
      1,
      1,
    ]);
    expect(focus("Not the regular delivery — what's the fastest option?")).toEqual([
      { text: 'not the regular delivery', weight: NEGATED_WEIGHT },
      { text: "what's the fastest option", weight: 1 },
    ]);
  });

  it('keeps an English negation that is itself the complaint or the question', () => {
    expect(focus('it is not working, it keeps beeping').every((c) => c.weight === 1)).toBe(true);
    expect(focus("i don't want the gift receipt in the box").every((c) => c.weight === 1)).toBe(true);
    expect(focus('the zip is not closing, can you send a new one').every((c) => c.weight === 1)).toBe(true);
  });

  it('reads "不是A，是B" and "A没问题，就是B" as what the buyer does not mean, then what they mean', () => {
    expect(focus('不是我摔的，是收到就有划痕')).toEqual([
      { text: '不是我摔的', weight: NEGATED_WEIGHT },
      { text: '是收到就有划痕', weight: 1 },
    ]);
    expect(focus('不是想仅退款，我是要退货退款')[0]!.weight).toBe(NEGATED_WEIGHT);
    expect(focus('衣服没啥问题，就是皱得厉害')[0]!.weight).toBe(NEGATED_WEIGHT);
    // A denial is turned down even without a contrast (see the denial test below).
    expect(focus('质量没问题，颜色有点深')).toEqual([
      { text: '质量没问题', weight: NEGATED_WEIGHT },
      { text: '颜色有点深', weight: 1 },
    ]);
  });

  it('turns down a threat beside the question', () => {
    expect(focus('到底发不发，不发我就退款了')).toEqual([
      { text: '到底发不发', weight: 1 },
      { text: '不发我就退款了', weight: STORY_WEIGHT },
    ]);
    expect(focus("where is my parcel? otherwise i'll dispute the charge")[1]!.weight).toBe(STORY_WEIGHT);
    expect(focus('不发我就退款了')).toEqual([{ text: '不发我就退款了', weight: 1 }]);
  });

  it('turns down a denial of a problem or a mishandling beside the question, also after a space in Chinese', () => {
    expect(focus('裤子没啥质量问题 就是颜色不喜欢 能退吗')).toEqual([
      { text: '裤子没啥质量问题', weight: NEGATED_WEIGHT },
      { text: '就是颜色不喜欢', weight: 1 },
      { text: '能退吗', weight: 1 },
    ]);
    expect(focus('键盘没摔过也没进水，怎么突然失灵了')).toEqual([
      { text: '键盘没摔过也没进水', weight: NEGATED_WEIGHT },
      { text: '怎么突然失灵了', weight: 1 },
    ]);
    expect(focus("The lamp isn't broken, it's just too dim. Can I swap it?")).toEqual([
      { text: "the lamp isn't broken", weight: NEGATED_WEIGHT },
      { text: "it's just too dim", weight: 1 },
      { text: 'can i swap it', weight: 1 },
    ]);
    expect(focus('The zipper tore. I never washed it, is that covered?')).toEqual([
      { text: 'the zipper tore', weight: 1 },
      { text: 'i never washed it, is that covered', weight: 1 },
    ]);
    // Asking whether it is a defect, or a problem told with a negation, is the question itself.
    expect(focus('是不是质量问题')).toEqual([{ text: '是不是质量问题', weight: 1 }]);
    expect(focus('有没有问题，能退吗').every((c) => c.weight === 1)).toBe(true);
    expect(focus("I haven't received it, where is it?").every((c) => c.weight === 1)).toBe(true);
  });

  it('keeps a negation without a contrast (it is the question)', () => {
    expect(focus('不要发顺丰').every((c) => c.weight === 1)).toBe(true);
  });

  it('turns down the story around a question', () => {
    const clauses = focus(
      "Hi! I live in a tiny town in Vermont. I go kayaking every summer. Will it actually keep me dry? I've been burned before.",
    );
    const asking = clauses.filter((c) => c.weight === 1).map((c) => c.text);
    expect(asking).toEqual(['will it actually keep me dry']);
    expect(clauses.filter((c) => c.weight === STORY_WEIGHT)).toHaveLength(4);
  });

  it('does not take a closing word of thanks for a sentence of story', () => {
    const asked = "I got a 15% off email and the code doesn't work. What is the point of sending it?";
    expect(focus(`${asked} thanks`).slice(0, 2)).toEqual(focus(asked));
    expect(focus(asked).every((c) => c.weight === 1)).toBe(true);
  });

  it('keeps more of the story when the question asks with hardly a word of its own', () => {
    const clauses = focus(
      'The case I ordered arrived for the wrong phone. My daughter saved up for it. What do we do now?',
    );
    expect(clauses.filter((c) => c.weight === 1).map((c) => c.text)).toEqual(['what do we do now']);
    expect(clauses.filter((c) => c.weight === STORY_WEIGHT_GENERIC_ASK)).toHaveLength(2);
    // Chinese questions keep the story weight.
    const zh = focus('上周买了两盒坚果。打开有股怪味。包装上日期才两个月。怎么办？');
    expect(zh.filter((c) => c.weight === STORY_WEIGHT)).toHaveLength(3);
  });

  it('leaves a message without a recognisable question as it is', () => {
    expect(focus('my parcel is late. it was due monday. order 1042.').every((c) => c.weight === 1)).toBe(true);
  });
});

/** Checks a reader of normalised text on each line, naming the line that fails. */
const expectEach = (read: (normalized: string) => boolean, lines: string[], expected: boolean) => {
  for (const text of lines) expect(read(normalizeText(text)), text).toBe(expected);
};

describe('isHoldingOnly', () => {
  it('recognises a buyer saying what they do next, asking nothing', () => {
    expectEach(
      isHoldingOnly,
      [
        '那我先下单了',
        '稍等我跟我闺蜜商量一下',
        '等一下我问问',
        'brb asking my wife',
        'let me think about it',
        'hang on let me go find my order number',
        'let me look for the receipt',
        'wait let me check my email',
        "alright, I'll just wait for the package",
        "ok I'll keep an eye on my inbox",
        "sorry, someone's at the door, be right back",
        'one sec, my dog is barking lol',
        // Busy now, back later; what they will buy, and when.
        '我在开会，晚点聊',
        '我明天再来买',
        '那我就选灰色了',
        "i'm at work, talk later",
        "i'll probably buy the blue one next week",
        "i'm about to check out",
        '我再对比对比',
        '好的 我拍个照片给你 稍等哈',
        'sorry hold on, let me check',
        "hang on, someone's at the door",
        'just a moment, my boss is here',
      ],
      true,
    );
    // A question without a question word the rules know, and an announcement with a question, keep suggestions.
    expectEach(isHoldingOnly, ['我今晚下单，明天能发吗', "i'm at work, can you deliver after 6?"], false);
  });

  it('keeps every message that asks or requests something', () => {
    expectEach(
      isHoldingOnly,
      [
        '稍等，能开发票吗',
        '我先下单，什么时候发货',
        '问一下退货地址',
        '先发货吧',
        "I'll order tonight, will it ship tomorrow",
        'let me check if my size is in stock?',
        'hang on, where is my order?',
        'wait i ordered the wrong size',
        'the box came open and the cup is missing, one sec',
      ],
      false,
    );
  });
});

describe('isPraiseOnly', () => {
  it('recognises a message meant for someone else', () => {
    expectEach(
      isForAnotherChat,
      [
        '老公，我到小区门口了',
        '妈 晚上我不回来吃饭',
        '@小李 报表发我一下',
        'mom can you grab bread on the way',
        'oops wrong chat 😅',
        '不好意思发错人了',
      ],
      true,
    );
    // The shop addressed, a family member spoken of, or a parcel sent to the wrong person is for the shop.
    expectEach(
      isForAnotherChat,
      [
        '亲爱的客服，在吗',
        '老公说这个颜色好看',
        '妈妈穿的选什么码',
        'the package went to the wrong person',
        '快递发错人了怎么办',
        'wrong chat? where do i ask about returns?',
      ],
      false,
    );
  });

  it('recognises a short apology for the chat itself', () => {
    expectEach(isApologyOnly, ['不好意思 刚才在开车', '电脑卡了一下 抱歉', 'sorry, my wifi keeps dropping'], true);
    // An apology on the way into a question or a request, or beside a word of the shop, keeps its suggestions.
    expectEach(
      isApologyOnly,
      [
        '不好意思，能帮我改个地址吗',
        '不好意思，我想退货',
        'sorry, what sizes do you have',
        'sorry to ask again about my refund',
      ],
      false,
    );
  });

  it('recognises a detail given alone, as an answer to the agent', () => {
    expectEach(
      isDetailOnly,
      [
        'my order number is #20931',
        'order 88412 fyi',
        'order #5531 by the way',
        '订单号是 2209381123',
        '手机尾号5521',
        'the name on the order is dan whitaker',
        'phone ending 4471',
        '收件人是张丽',
        '京东订单号：289348572011',
        '快递单号是 sf1402938475612',
      ],
      true,
    );
    expectEach(
      isDetailOnly,
      [
        'order #20931 never came',
        '订单号123456 退款',
        'my order number is #20931, where is it?',
        'the name on the order is wrong',
        '收件人是张丽 能改成我吗',
        '快递单号是 sf1402938475612 一直不动',
      ],
      false,
    );
  });

  it('recognises buyer data handed over, whatever the buyer calls it', () => {
    expectEach(
      isDetailOnly,
      [
        'the email on my account is li.wei@example.com',
        'my zip code is 94110 btw',
        'order number is #20931, email is k.tan77@example.com',
        'My PD is 62',
        '订单号发你了：4829104857620',
        '我的地址是西湖区文三路88号2单元301',
        '订单号 4829104857620 收件人姓李',
      ],
      true,
    );
    expectEach(
      isDetailOnly,
      [
        // A price is a budget (advice wanted), an action word or another concept of the shop is a request.
        'my budget is $200',
        '预算是500元',
        '订单号4829104857620 改地址',
        '订单号4829104857620 退款',
        '订单号4829104857620 发票',
        'my email is li@example.com and i never got a receipt',
        'my order #44512 is late',
        'my order number is 4829104857620, when will it ship',
        'the box is 2 inches too small and the lid does not close',
        'my son is 9 months and 21 lbs, which size sack',
      ],
      false,
    );
  });

  it('recognises a buyer only saying something went well', () => {
    expectEach(
      isPraiseOnly,
      [
        'my package came today, thanks!',
        'got the package, my daughter loves it',
        'size is perfect btw',
        '收到货了，很喜欢',
        '衣服收到了，挺好看的',
        '快递到了，谢谢',
        "the shoes arrived and they're so comfy",
        // Praise said with a negation or 还, and praise words beyond "like" and "thanks".
        '耳机音质不错，物超所值',
        '床单洗了一次，没掉色，很舒服',
        '实物比图片还好看',
        '鞋子很合身，小姐姐服务超赞',
        'the throw blanket is so soft, obsessed',
        'vase arrived in one piece, well packed',
        '收到啦，质量比想象的好',
        '追评了，还晒了图',
        '宝贝收到了 跟描述一样',
        '枕头很软，我爸特别喜欢',
        '10/10 would buy again',
      ],
      true,
    );
  });

  it('reads a word of thanks after a request as politeness, not praise', () => {
    // No question mark and no word of trouble: the rest, read alone, is what decides (the small-talk model).
    expectEach(
      isPraiseOnly,
      [
        'need an invoice with my company name on it thanks',
        'where do i find the tracking number for my order thanks',
        'forgot my password and the reset link says expired, thank you',
        'do u ship to canada thx',
      ],
      false,
    );
    expectEach(isPraiseOnly, ['the hoodie arrived today, thanks!', 'received the parcel, thank you', 'thanks!'], true);
  });

  it('keeps questions, problems, contrasts and praise-worded sarcasm', () => {
    expectEach(
      isPraiseOnly,
      [
        'thanks, when will the rest ship?',
        'love the mug but the lid is cracked',
        'Love how my package has been sitting in the same city for a week. Great stuff.',
        'Oh wonderful, the food bag showed up as loose kibble all over the box. Thanks so much.',
        'Nice, the price dropped the day after I bought it. Perfect timing as always.',
        'the dress fits great, only the belt is missing',
        '衣服很好看，就是有点起球',
        '收到了，谢谢，能开发票吗',
        '很喜欢，可惜少了一件',
        // Something snapped or cracked, thanked for all the same.
        '收到了，镜子裂了一道缝，谢谢',
        '收到啦，表带断了，谢谢',
        // Sarcasm in praise's words, and a trouble next to a praise idiom.
        '你们可真贴心啊，发个快递用了十天',
        '不错不错，还没发货',
        // A comparison asked with 那个 for 哪个 and no question mark.
        '红轴和茶轴那个打字舒服点',
      ],
      false,
    );
  });

  it('keeps negations written without an apostrophe, sarcasm markers, product words and a 谢 that is a typo', () => {
    expectEach(
      isPraiseOnly,
      [
        'my iphone wont fast charge with ur 20w charger',
        'the cable doesnt work, love it',
        'Your so-called fast charger is slower than my old 5W brick. Absolute junk.',
        'Amazing, the left bud has decided to retire early. Right one works perfectly, of course.',
        'quick release strap arrived',
        '大闸谢死了两只',
      ],
      false,
    );
  });
});

describe('isPlainStatement', () => {
  it('recognises an English message that only tells something', () => {
    expectEach(
      isPlainStatement,
      [
        "we just moved to a new apartment, everything's in boxes lol",
        'my phone number ends in 4471',
        'I wore your sweater to my interview and got the job!!',
        'you sent me a medium, i ordered a large',
      ],
      true,
    );
  });

  it('keeps questions (typed fast or with an opener), requests, problems and Chinese', () => {
    expectEach(
      isPlainStatement,
      [
        'hwo do i return somthing i bought',
        'wheres my stuff lol ordered monday',
        'yo can i swap my 10s for 10.5s',
        'quick q whats the cheapest delivery option to the uk',
        'need help to check ur refund policy',
        'the jacket came ripped and the box was smashed',
        'box came soaking wet and the bed inside is ruined',
        'my package has been stuck in customs for a week',
        'the tank leaked all over my floor',
        '我家猫一直在踩键盘哈哈',
      ],
      false,
    );
  });
});

describe('asksAnything', () => {
  it('finds a question texted without punctuation after a filler', () => {
    expect(asksAnything('every 2 weeks is wayyy too much coffee for me lol can i make it monthly')).toBe(true);
    expect(asksAnything('ok so how do i return it')).toBe(true);
    expect(asksAnything("lol can't stop smiling")).toBe(false);
    expect(asksAnything('the can is dented lol')).toBe(false);
  });

  it('finds the question after a dash or a colon that sets context before it', () => {
    expect(asksAnything('ordered last week - do u put hand warmers in the box in winter')).toBe(true);
    expect(asksAnything('ordered last week — hey can u cancel it')).toBe(true);
    expect(asksAnything('order #48213: where is it')).toBe(true);
    expect(asksAnything('ordered last week - it came broken')).toBe(false);
    // A hyphen inside a word breaks nothing.
    expect(asksAnything('the t-shirt is what i wanted')).toBe(false);
  });

  it('takes looking for one’s own things as what the buyer does, and looking for a product as a request', () => {
    expect(asksAnything('hang on, looking for my tracking email')).toBe(false);
    expect(isHoldingOnly('hang on, looking for my tracking email')).toBe(true);
    expect(asksAnything('looking for a gift for my sister')).toBe(true);
    expect(asksAnything('hi, looking for waterproof boots in size 9')).toBe(true);
  });

  it('leaves to that person a question the buyer puts to someone else', () => {
    expect(asksAnything('稍等，我问问我老公要哪个尺码')).toBe(false);
    expect(asksAnything('等我一下 我去问下我妈要哪款')).toBe(false);
    expect(isHoldingOnly('稍等，我问问我老公要哪个尺码')).toBe(true);
    // The shop asked: "问一下" names no one, "我的积分" is no one, and a clause after it asks.
    expect(asksAnything('我问一下，哪个颜色好看')).toBe(true);
    expect(asksAnything('顺便问下我的积分能换券吗')).toBe(true);
    expect(asksAnything('我问问我老公要哪个颜色，你们有红色吗')).toBe(true);
    expect(asksAnything('我问问我老婆要哪个颜色？')).toBe(true);
  });

  it('reads 多 before a measure as "how big / long / heavy", not "many" or "not much"', () => {
    for (const text of [
      '电锅买多大的好',
      '保修多长时间',
      '夏天开空调盖多重的合适',
      '打开以后到底多长多宽',
      '攝影機最多可以插多大的記憶卡',
    ])
      expect(asksAnything(normalizeText(text))).toBe(true);
    for (const text of ['没多大用处', '好多大牌都用这个面料', '多大点事', '收到了多高兴'])
      expect(asksAnything(normalizeText(text))).toBe(false);
    // Asked, it is no praise: before, "…的合适" read as the buyer pleased with the fit, and nothing was suggested.
    expect(isPraiseOnly(normalizeText('空气炸锅买多大的合适'))).toBe(false);
  });
});

describe('needsNoAnswer', () => {
  it('reads a message part by part when every part needs no answer', () => {
    expectEach(
      needsNoAnswer,
      [
        "no worries, I'll keep an eye out for the email then",
        "Perfect, that's all I needed. Have a good day!",
        '行吧，那我再等等',
        '好嘞，我先去拍照片',
        'great, my zip is 94110',
      ],
      true,
    );
    // One part that asks, requests or tells of trouble keeps the whole message answerable.
    expectEach(
      needsNoAnswer,
      [
        'thanks, but the zipper broke',
        "ok, I'll wait. when does it ship?",
        '好的，我先下单了，帮我发顺丰',
        // 记得 / 别忘了 / 务必 open a request like 请 and 麻烦.
        '好的，我先下单了，记得发顺丰',
        '那我先拍了，别忘了送赠品',
        '好的，衣服有点小',
        'no worries, can you resend the code',
      ],
      false,
    );
  });
});

describe('isDetailOnly: an English aside that only tells', () => {
  it('needs no answer when marked as an aside (btw, fyi) and short, naming nothing of the shop but a size', () => {
    expectEach(
      isDetailOnly,
      [
        "it's a 2011 Honda Pilot EX-L btw",
        'the drone is a Mini 3 Pro btw',
        "size 10.5 btw, men's",
        'fyi the bike is a 2019 Trek Marlin 7',
        'by the way, the car is a 2015 F-150 XLT',
      ],
      true,
    );
  });

  it('keeps an aside that asks, tells of trouble, names the shop’s business or runs long', () => {
    expectEach(
      isDetailOnly,
      [
        'btw the zipper broke',
        'btw do you ship to canada',
        'fyi i need it by friday',
        'btw the refund never came',
        'btw it arrived damaged',
        "it's a 2011 Honda Pilot EX-L btw, which brake pads fit",
        'by the way, it is a gift so please leave the receipt out of the box',
        'btw my daughter is turning seven next week and she is really into unicorns and rainbows lately',
      ],
      false,
    );
  });
});
