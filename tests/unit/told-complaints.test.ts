import { describe, expect, it } from 'vitest';
import { SuggestEngine } from '../../lib/suggest/engine';
import { nameToldComplaints } from '../../lib/suggest/text/told-complaints';
import { pack } from '../helpers/packs';

describe('complaints told as what happened', () => {
  it('names a thing received in place of the one ordered a wrong item', () => {
    expect(nameToldComplaints('you sent me a grater instead of a garlic press')).toBe(
      'you sent me a grater instead of a garlic press. wrong item?',
    );
    expect(nameToldComplaints("ordered men's 10 and got women's 7")).toBe(
      "ordered men's 10 and got women's 7. wrong item?",
    );
    expect(nameToldComplaints('i ordered the blue one, received the red')).toBe(
      'i ordered the blue one, received the red. wrong item?',
    );
    for (const text of [
      "this isn't the skillet i ordered",
      'pretty sure i ordered a toaster, not a waffle maker',
      'a white sofa showed up. shame i ordered the green one.',
      'in the package i find a black chair but i order the white one',
      'the charger inside is 30w when i ordered the 65w',
      'i receive the package but inside is cat food, i order dog food',
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. wrong item?`);
    for (const text of [
      'my order arrived today, i ordered it monday',
      'it came yesterday, i ordered on friday',
      'i ordered a large, not sure if it fits',
    ])
      expect(nameToldComplaints(text)).toBe(text);
    // Asking for something else, or an order and a later event, is not a wrong item.
    expect(nameToldComplaints('can i get the red one instead of the blue')).not.toContain('wrong item');
    expect(nameToldComplaints('i ordered on monday. got the email today')).toBe(
      'i ordered on monday. got the email today',
    );
  });

  it('names part of an order that did not come a missing item', () => {
    for (const text of [
      "my box came but the cutting board wasn't in it",
      'only got 2 of the 3 cans',
      'package showed up but no filter cartridges',
      'parcel came without the cable',
      "hey opened the box and the cable's not there, just the charger",
      'only 2 things inside, i ordered 3',
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. missing item?`);
    // A delivery that came with a problem of another kind, or a question about one, is not.
    for (const text of ['the package came but tracking never updated', 'did it come yet? only asking'])
      expect(nameToldComplaints(text)).toBe(text);
  });

  it('names asking for another one in place of what came an exchange', () => {
    for (const text of [
      "i'm not trying to return it, i just want the 2m cable instead of the 1m one i got.",
      "the collar isn't broken, it just doesn't fit. can i get a large instead?",
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. exchange?`);
    // A thing sent in place of another is a wrong item, not an exchange.
    expect(nameToldComplaints('you sent me a grater instead of a garlic press')).toBe(
      'you sent me a grater instead of a garlic press. wrong item?',
    );
  });

  it('names finding nobody answering wanting a human', () => {
    for (const text of [
      "i've been on hold for 40 minutes. is there anyone working there?!",
      'twenty minutes in this chat and not a single human.',
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. talk to a human?`);
    // A ping is a greeting.
    expect(nameToldComplaints('hello? anyone there?')).toBe('hello? anyone there?');
  });

  it('names a price that fell after the purchase a price drop', () => {
    for (const text of [
      "bought the knife block monday and today it's 25% off",
      'i buy yesterday and today is cheaper',
      "i buy the case and two days later it's 20% cheaper",
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. price drop?`);
    // Asking whether something is on sale is not.
    expect(nameToldComplaints('i ordered yesterday, is it on sale now?')).toBe(
      'i ordered yesterday, is it on sale now?',
    );
  });

  it('names an order heard nothing of since it was placed: where is my order', () => {
    for (const text of [
      'bought the lamp on sunday and still no shipping email',
      'paid four days ago and still nothing from you',
      "it's been a week and nothing. did it even ship?",
      'my order still hasnt shipped, whats going on',
      'can you tell me what is happening with my order',
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. where is my order?`);
    // Waiting for a refund, for tracking that stopped, or a question about shipping times is something else.
    for (const text of [
      'sent it back a week ago and still nothing',
      'tracking says in transit, been 5 days and nothing',
      'how long does shipping take?',
      'it says delivered but nothing is here',
    ])
      expect(nameToldComplaints(text)).not.toContain('where is my order');
  });

  it('names a return that came back without the money: when will i get my refund', () => {
    for (const text of [
      'mailed the jacket back ten days ago and my card still shows nothing',
      'you got my return on monday. when does the money come back?',
      'how long until my refund shows up? dropped the return off friday',
      // "sent the stuff back" as expandInformal reads it
      "how long till the money's back on my card? return the stuff like a week ago",
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. when will i get my refund?`);
    for (const text of ['can i return this if it does not fit?', 'how do i send it back?'])
      expect(nameToldComplaints(text)).toBe(text);
  });

  it('names an order going to an address that is not the buyer’s: change my shipping address', () => {
    for (const text of [
      'ugh, checkout still had my previous address saved',
      'i made a typo in my zip on that order',
      'forgot to add the unit number, can you put it on?',
      'is it too late to change where it is going?',
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. change my shipping address?`);
    expect(nameToldComplaints('what is your address for returns?')).toBe('what is your address for returns?');
  });

  it('names a flaw that came with the delivery: arrived damaged', () => {
    for (const text of [
      'the vase arrived with two big cracks in the base',
      'my boots came with a scuff on the toe',
      'the mirror was shattered when we opened the crate',
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. arrived damaged?`);
    for (const text of ['it came with a free tote bag', 'does it come with a case?'])
      expect(nameToldComplaints(text)).toBe(text);
  });

  it('names someone else’s item, a product that came without its part, and asking whether a fault is covered', () => {
    expect(nameToldComplaints("these are someone else's boots")).toBe("these are someone else's boots. wrong item?");
    expect(nameToldComplaints("this isn't my order")).toBe("this isn't my order. wrong item?");
    expect(nameToldComplaints('the scarf in the bag is not mine')).toBe(
      'the scarf in the bag is not mine. wrong item?',
    );
    expect(nameToldComplaints('my parcel has been stuck at the denver sorting center for days')).toBe(
      'my parcel has been stuck at the denver sorting center for days. tracking not updating?',
    );
    expect(nameToldComplaints('is my order already send?')).toBe('is my order already send?. where is my order?');
    expect(nameToldComplaints('the lamp came without a shade')).toBe('the lamp came without a shade. missing item?');
    expect(nameToldComplaints('only the stand showed up')).toBe('only the stand showed up. missing item?');
    expect(nameToldComplaints('the zip broke after a month, is that covered?')).toBe(
      'the zip broke after a month, is that covered?. is it covered under warranty?',
    );
    for (const text of ["it's not my fault", "it isn't my size", 'does shipping come without tracking?'])
      expect(nameToldComplaints(text)).toBe(text);
  });

  it('names a buyer counting their attempts, with no question, wanting a manager', () => {
    for (const text of [
      'i have called you three times about the blender and nothing happens.',
      'this is my 4th email about the missing rug.',
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. i want to speak to a manager?`);
    // With a question of their own, the question is what to answer.
    expect(nameToldComplaints('third time asking: where is my refund?')).not.toContain('manager');
    // Counting orders is loyalty, not a complaint.
    expect(nameToldComplaints('this is my third time ordering from you')).toBe(
      'this is my third time ordering from you',
    );
    expect(nameToldComplaints("this is the 3rd time i'm writing about the same thing")).toContain('manager');
  });

  it('names a delivery scanned but not found: delivered but not received', () => {
    for (const text of [
      'the app shows it was dropped off at noon but nobody here has seen it',
      'fedex marked it delivered. my doorman does not have it, nothing in the mailroom',
      'email says my parcel was left at the door. there is no parcel.',
    ])
      expect(nameToldComplaints(text)).toBe(`${text}. delivered but not received?`);
    expect(nameToldComplaints('it says delivered, thanks, got it!')).toBe('it says delivered, thanks, got it!');
  });

  it('names a wrong item, a missing one and a price drop in Chinese', () => {
    expect(nameToldComplaints('我要的是黑色你发个白色过来')).toBe('我要的是黑色你发个白色过来。发错了？');
    // After a plain pause, with no 你们 / 结果 between the two.
    expect(nameToldComplaints('我买的黑色，寄来个灰色的')).toBe('我买的黑色，寄来个灰色的。发错了？');
    expect(nameToldComplaints('我要的是灰色 给我发个粉色')).toBe('我要的是灰色 给我发个粉色。发错了？');
    // What came told by opening the parcel, or with 结果 before what was received.
    expect(nameToldComplaints('我下单的是藏青色m，结果拿到手是灰色l')).toBe(
      '我下单的是藏青色m，结果拿到手是灰色l。发错了？',
    );
    expect(nameToldComplaints('我买的是黑色卫衣今天打开一看是件白色的')).toBe(
      '我买的是黑色卫衣今天打开一看是件白色的。发错了？',
    );
    expect(nameToldComplaints('箱子里没找着遥控器')).toBe('箱子里没找着遥控器。少发？');
    expect(nameToldComplaints('拍了三样，今天拆快递只有两样')).toBe('拍了三样，今天拆快递只有两样。少发？');
    expect(nameToldComplaints('我买的时候299，今天就降到249了')).toBe('我买的时候299，今天就降到249了。降价了？');
    expect(nameToldComplaints('买的礼盒128，今天刷到同一个礼盒变109了')).toBe(
      '买的礼盒128，今天刷到同一个礼盒变109了。降价了？',
    );
    expect(nameToldComplaints('只收到两件')).toBe('只收到两件。少发？');
    expect(nameToldComplaints('昨天刚买今天就便宜三十')).toBe('昨天刚买今天就便宜三十。降价了？');
  });

  it('names a Chinese return without its money, a flaw that came with the delivery and a thing sent as another', () => {
    expect(nameToldComplaints('鞋子寄回去五天了，钱呢')).toBe('鞋子寄回去五天了，钱呢。退款多久到账？');
    expect(nameToldComplaints('退货上周就到你们仓库了，我卡里还是没看到钱')).toBe(
      '退货上周就到你们仓库了，我卡里还是没看到钱。退款多久到账？',
    );
    expect(nameToldComplaints('拆开一看镜子碎了')).toBe('拆开一看镜子碎了。收到破损？');
    expect(nameToldComplaints('你们把42码寄成了40码')).toBe('你们把42码寄成了40码。发错了？');
    // What came after a plain pause, the courier breaking it, the fallen price's money asked back.
    expect(nameToldComplaints('我选的是大号，到手是小号')).toBe('我选的是大号，到手是小号。发错了？');
    expect(nameToldComplaints('快递员把箱子摔得变形了')).toBe('快递员把箱子摔得变形了。收到破损？');
    expect(nameToldComplaints('降下来的那部分差价能补吗')).toBe('降下来的那部分差价能补吗。降价了？');
    expect(nameToldComplaints('显示已经送达了，东西呢')).toBe('显示已经送达了，东西呢。显示签收但没收到？');
    expect(nameToldComplaints('收到就有划痕')).toBe('收到就有划痕。收到破损？');
    expect(nameToldComplaints('耳机少了一只')).toBe('耳机少了一只。少发？');
    // A return the warehouse signed for, and bargaining, are something else.
    for (const text of ['退货寄回去了 仓库显示签收了 钱还没看到', '能不能少个二十块', '少个十块钱呗'])
      expect(nameToldComplaints(text)).not.toMatch(/显示签收但没收到|少发/);
    // Asking when already, a question about returns, or a message that went through, is not.
    for (const text of ['退货的运费险钱啥时候到', '退货要寄到哪里', '消息发成功了吗', '收到了，很喜欢'])
      expect(nameToldComplaints(text)).toBe(text);
  });

  it('leaves a Chinese message that only says what was bought as it is', () => {
    for (const text of [
      '我买的是L码，能换M吗',
      '什么时候发货',
      '我买的衣服，给我发个顺丰',
      '我买的那件，发了吗',
      '我买的衣服，收到后是合适的',
    ])
      expect(nameToldComplaints(text)).toBe(text);
  });

  it('reads a message written in both scripts with both scripts’ patterns', () => {
    // Each complaint's patterns run only where the message has their script; a mixed message has both.
    expect(nameToldComplaints('i ordered a toaster, not a waffle maker 箱子里没找着遥控器')).toBe(
      'i ordered a toaster, not a waffle maker 箱子里没找着遥控器. wrong item?。少发？',
    );
    expect(nameToldComplaints('箱子里没找着遥控器')).toBe('箱子里没找着遥控器。少发？');
    expect(nameToldComplaints('i ordered a toaster, not a waffle maker')).toBe(
      'i ordered a toaster, not a waffle maker. wrong item?',
    );
  });

  it('lets such a message find the entry a team lead named for it', () => {
    const engine = new SuggestEngine();
    engine.setPacks([
      pack({
        format: 'huashu-pack/1',
        id: 'zh-shop',
        name: '店',
        version: '1.0.0',
        locale: 'zh-CN',
        entries: [
          { id: 'wrong-item', title: '发错货', questions: ['发错了怎么办'], replies: [{ text: '抱歉…' }] },
          { id: 'colors', title: '颜色选择', questions: ['有黑色和白色吗'], replies: [{ text: '有…' }] },
        ],
      }),
    ]);
    expect(engine.suggest({ text: '我要的是黑色你发个白色过来' }).suggestions[0]?.entryId).toBe('wrong-item');

    // The reading alone: on a two-entry pack the translation re-ordering (fitted on whole shops) would weigh the
    // skillet entry's own words.
    const english = new SuggestEngine({ translation: false });
    english.setPacks([
      pack({
        format: 'huashu-pack/1',
        id: 'en-shop',
        name: 'Shop',
        version: '1.0.0',
        locale: 'en',
        entries: [
          {
            id: 'wrong-item',
            title: 'Wrong item received',
            questions: ['you sent me the wrong item'],
            replies: [{ text: 'Sorry! Send a photo…' }],
          },
          {
            id: 'sizes',
            title: 'Skillet sizes',
            questions: ['what sizes does the skillet come in'],
            replies: [{ text: '10 and 12 inch.' }],
          },
        ],
      }),
    ]);
    expect(english.suggest({ text: 'ordered the 10 inch skillet and got the 12 inch' }).suggestions[0]?.entryId).toBe(
      'wrong-item',
    );

    const waiting = new SuggestEngine();
    waiting.setPacks([
      pack({
        format: 'huashu-pack/1',
        id: 'en-shop',
        name: 'Shop',
        version: '1.0.0',
        locale: 'en',
        entries: [
          {
            id: 'order-status',
            title: 'Where is my order',
            questions: ['where is my order?', 'has my order shipped yet?'],
            replies: [{ text: 'Let me check…' }],
          },
          {
            id: 'express',
            title: 'Express shipping',
            questions: ['do you have express shipping?', 'can i get it faster?'],
            replies: [{ text: 'Yes, 2-day…' }],
          },
        ],
      }),
    ]);
    expect(
      waiting.suggest({ text: 'bought it a week ago and still nothing, has it even left?' }).suggestions[0]?.entryId,
    ).toBe('order-status');
    // The word re-ranker reads the message as the engine read it: the named situation included.
    expect(waiting.suggest({ text: 'bought it a week ago and still nothing, has it even left?' }).reading).toContain(
      'where is my order?',
    );
  });
});
