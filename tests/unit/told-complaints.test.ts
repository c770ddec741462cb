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

    const english = new SuggestEngine();
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
  });
});
