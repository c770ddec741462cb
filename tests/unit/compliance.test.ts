import { describe, expect, it } from 'vitest';
import { complianceHits, complianceRules } from '../../lib/packs/compliance';
import { lintPack } from '../../lib/packs/lint';
import { validatePack } from '../../lib/packs/validate';
import { readFileSync } from 'node:fs';

const rules = (text: string, allow?: string[]) => complianceRules(text, allow);

describe('complianceHits', () => {
  it('flags taking the buyer off the platform', () => {
    for (const text of [
      '亲，加我微信 abc123，私下给您便宜',
      '有问题加V信聊',
      '我的QQ号是 123456',
      '打 138 1234 5678 找我',
      '客服电话 021-12345678',
      'add me on WhatsApp for a better deal',
      'call me at +1 415 555 0199',
      '可以私下转账，不走平台更便宜',
      'just venmo me the difference',
    ])
      expect(rules(text), text).toEqual(['off-platform']);
  });

  it('flags advertising-law absolutes and efficacy promises', () => {
    expect(rules('全网最低价，销量第一')).toEqual(['absolute-claim']);
    expect(rules('国家级工艺，顶级面料')).toEqual(['absolute-claim']);
    expect(rules('lowest price guaranteed, best in the world')).toEqual(['absolute-claim']);
    expect(rules('坚持使用可根治脚气，百分百有效')).toEqual(['efficacy-claim']);
    expect(rules('this cream cures eczema with no side effects')).toEqual(['efficacy-claim']);
  });

  it('leaves ordinary replies alone', () => {
    for (const text of [
      '支持微信支付和支付宝',
      '审核通过后原路退回：京东余额/微信一般即时到账',
      '微信聊天记录需在微信“设置-通用-聊天记录迁移”里迁移',
      '这是您第一次购买吗？第一步：打开订单页',
      '您最好先量一下尺寸',
      'You can pay with PayPal, Apple Pay or Klarna.',
      'Orders ship within 2 business days; tracking arrives by email.',
      '订单号 2987654321098 已发货，运单号 SF1234567890',
    ])
      expect(rules(text), text).toEqual([]);
  });

  it('lets a pack allow words it must use', () => {
    expect(rules('顶级羽绒系列，充绒量 200g')).toEqual(['absolute-claim']);
    expect(rules('顶级羽绒系列，充绒量 200g', ['顶级羽绒'])).toEqual([]);
    expect(rules('顶级羽绒系列，国家级标准', ['顶级羽绒'])).toEqual(['absolute-claim']);
  });

  it('matches after width and case folding', () => {
    expect(rules('加我ＷＥＣＨＡＴ号')).toEqual(['off-platform']);
    expect(complianceHits('ＮＯ.1 爆款')[0]?.rule).toBe('absolute-claim');
  });

  it('runs in linear time on hostile text', () => {
    const started = performance.now();
    complianceHits('加'.repeat(50_000) + '第一'.repeat(20_000) + '1 '.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(4_000);
  });
});

describe('lint', () => {
  it('warns per risky reply, with the rule as the warning kind, and never on the shipped packs', () => {
    const result = validatePack({
      format: 'huashu-pack/1',
      id: 'risky',
      name: 'Risky',
      version: '1.0.0',
      compliance: { allow: ['顶级羽绒'] },
      entries: [
        { id: 'a', title: 'A', questions: ['q'], replies: [{ text: '加我微信聊' }] },
        { id: 'b', title: 'B', questions: ['r'], replies: [{ text: '顶级羽绒，全网最低价' }] },
        { id: 'c', title: 'C', questions: ['s'], replies: [{ text: '包治百病，根治' }] },
        { id: 'd', title: 'D', questions: ['t'], replies: [{ text: '48小时内发货' }] },
      ],
    });
    if (!result.ok) throw new Error('invalid');
    const warnings = lintPack(result.pack).filter((w) =>
      ['off-platform', 'absolute-claim', 'efficacy-claim'].includes(w.rule),
    );
    expect(warnings.map((w) => [w.path, w.rule])).toEqual([
      ['entries[0].replies[0].text', 'off-platform'],
      ['entries[1].replies[0].text', 'absolute-claim'],
      ['entries[2].replies[0].text', 'efficacy-claim'],
      ['entries[2].replies[0].text', 'efficacy-claim'],
    ]);
    for (const file of ['jd-electronics', 'tmall-apparel', 'shopify-store', 'pdd-store']) {
      const shipped = validatePack(JSON.parse(readFileSync(`knowledge-packs/${file}.json`, 'utf8')));
      if (!shipped.ok) throw new Error(file);
      expect(lintPack(shipped.pack).filter((w) => w.rule.endsWith('-claim') || w.rule === 'off-platform')).toEqual([]);
    }
  });
});
