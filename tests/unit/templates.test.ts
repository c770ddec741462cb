import { describe, expect, it } from 'vitest';
import { findPlaceholders, renderTemplate } from '../../lib/templates/render';

const now = new Date(2026, 10, 24, 10, 0, 0);

describe('renderTemplate', () => {
  it('fills facts, page variables and fallbacks', () => {
    const result = renderTemplate({
      template: '{{customer.name|亲}}，订单{{order.id}}将在{{facts.shipWithinHours}}小时内发出',
      facts: { shipWithinHours: 48 },
      page: { 'order.id': '3489271650123456789' },
      locale: 'zh-CN',
      now,
    });
    expect(result).toEqual({ text: '亲，订单3489271650123456789将在48小时内发出', missing: [], cursor: null });
  });

  it('lists variables that have neither a value nor a fallback, and keeps them visible', () => {
    const result = renderTemplate({
      template: 'Order {{order.id}} for {{ customer.name }}',
      facts: {},
      locale: 'en',
      now,
    });
    expect(result.text).toBe('Order {{order.id}} for {{ customer.name }}');
    expect(result.missing).toEqual(['order.id', 'customer.name']);
  });

  it('treats a blank page value as missing so the fallback applies', () => {
    const result = renderTemplate({
      template: 'Hi {{customer.name|there}}',
      facts: {},
      page: { 'customer.name': ' ' },
      locale: 'en',
      now,
    });
    expect(result.text).toBe('Hi there');
  });

  it('does date math in the reply locale', () => {
    const zh = renderTemplate({ template: '预计{{today+3}}到', facts: {}, locale: 'zh-CN', now });
    expect(zh.text).toBe('预计11月27日到');
    const en = renderTemplate({ template: 'by {{today + 10}}', facts: {}, locale: 'en', now });
    expect(en.text).toBe('by Dec 4');
    expect(renderTemplate({ template: '{{today}}', facts: {}, locale: 'zh-CN', now }).text).toBe('11月24日');
  });

  it('removes the {cursor} marker and reports its offset', () => {
    const result = renderTemplate({ template: '单号：{cursor}，请查收', facts: {}, locale: 'zh-CN', now });
    expect(result.text).toBe('单号：，请查收');
    expect(result.cursor).toBe(3);
  });
});

describe('findPlaceholders', () => {
  it('finds names, fallbacks and offsets', () => {
    expect(findPlaceholders('a{{x|y}}b{{ facts.z }}')).toEqual([
      { name: 'x', fallback: 'y', index: 1, raw: '{{x|y}}' },
      { name: 'facts.z', fallback: undefined, index: 9, raw: '{{ facts.z }}' },
    ]);
  });
});
