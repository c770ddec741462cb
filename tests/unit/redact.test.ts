import { describe, expect, it } from 'vitest';
import { redact } from '../../lib/usage/redact';

describe('redact', () => {
  it.each([
    [
      '亲 我的手机号是13812345678，收货地址浙江省杭州市西湖区文三路138号3栋2单元501室，麻烦改一下',
      '亲 我的手机号是[phone]，收货地址[address]，麻烦改一下',
    ],
    ['电话 138 1234 5678 或者 +86 138-1234-5678 座机 0571-88886666', '电话 [phone] 或者 [phone] 座机 [phone]'],
    // Masked as the platforms show it: the last four digits still identify the buyer.
    ['收件人王女士，电话138****5621，备用 139xxxx0087', '收件人王女士，电话[phone]，备用 [phone]'],
    ['订单号3489271650123456789 怎么还没发货', '订单号[order] 怎么还没发货'],
    ['顺丰单号SF1234567890查不到物流', '顺丰单号[order]查不到物流'],
    ['京东订单 312345678901 能开发票吗', '京东订单 [order] 能开发票吗'],
    ['我住幸福小区5栋，能送货上门吗', '我住[address]，能送货上门吗'],
    // A numeral in the street's name is part of it (文一路, 二环路).
    ['帮我改下 杭州市西湖区文一路12号 谢谢', '帮我改下 [address] 谢谢'],
    ['送到二环路5号', '送到[address]'],
    [
      'has order #NW10562 shipped yet?? my email is jane.doe+shop@gmail.com',
      'has order [order] shipped yet?? my email is [email]',
    ],
    [
      'Please send it to 221 Baker Street, Apt 4B, London NW1 6XE instead',
      'Please send it to [address], London [address] instead',
    ],
    [
      'new address: 1600 Pennsylvania Avenue NW, Washington, DC 20500',
      'new address: [address] NW, Washington, [address]',
    ],
    ['call me at (555) 123-4567 or +44 20 7946 0958', 'call me at [phone] or [phone]'],
    ['ship to 12 elm st apt 3 pls', 'ship to [address] pls'],
    ['order number 48213 never arrived', 'order number [order] never arrived'],
  ])('redacts buyer data in %s', (line, expected) => {
    expect(redact(line)).toBe(expected);
  });

  it('replaces the names the caller knows, whole words only for Latin names', () => {
    expect(redact('我是王小明，王小明的快递到了吗', { names: ['王小明'] })).toBe('我是[name]，[name]的快递到了吗');
    expect(redact('hi this is john smith, where is my stuff', { names: ['John Smith'] })).toBe(
      'hi this is [name], where is my stuff',
    );
    expect(redact('Annabel asked about the ann scarf', { names: ['Ann'] })).toBe(
      'Annabel asked about the [name] scarf',
    );
  });

  it('leaves ordinary question words alone: prices, sizes, dates, quantities, everyday 路/区/市', () => {
    for (const line of [
      '这两款有什么区别，175cm 65kg穿什么码，199元包邮吗，12月20号能到吗',
      'I ordered 2 pieces on 2026-12-20 for $6.95, can I drive over to pick up? 2 days on the road',
      '运到漠河路上得几天',
      '我一路上都在等快递',
      '祝你一路顺风',
      '我在超市上班 晚点回复',
      '买3件打几折？满300减40能叠加吗',
      'is shiping free if i spend 80',
      'size 10 or 11 for a 27cm foot?',
    ]) {
      expect(redact(line)).toBe(line);
    }
  });

  it('is idempotent', () => {
    const once = redact('my number is +1 415 555 0100 and I live at 42 Cherry Tree Lane', {});
    expect(redact(once)).toBe(once);
  });

  it('runs in linear time on adversarial input', () => {
    const inputs = [
      '@'.repeat(100_000),
      'a@'.repeat(50_000),
      'a.'.repeat(50_000) + '@',
      '1'.repeat(100_000),
      '汉'.repeat(96_000),
      '省'.repeat(90_000),
      '1路'.repeat(50_000),
      '#'.repeat(100_000),
      '+1 '.repeat(33_000),
      'order' + ' '.repeat(100_000) + '1234',
      ('1 ' + 'Main '.repeat(5)).repeat(7_000),
    ];
    const start = performance.now();
    for (const input of inputs) redact(input, { names: ['王小明', 'John Smith'] });
    expect(performance.now() - start).toBeLessThan(4000);
  });
});
