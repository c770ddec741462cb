import { describe, expect, it } from 'vitest';
import { complaintRisk } from '../../lib/suggest/complaint';
import type { ChatMessage } from '../../lib/suggest/question';

const buyer = (text: string): ChatMessage => ({ role: 'buyer', text });
const risk = (...texts: string[]) => complaintRisk(texts.map(buyer));

describe('complaintRisk', () => {
  it.each([
    ['再不处理我就打12315了', ['12315', '不处理'], ['12315']],
    ['这服务等着吃差评吧', ['差评'], ['差评']],
    ['I will file a chargeback with my bank', ['chargeback'], ['chargeback']],
    ['my lawyer will hear about this', ['lawyer'], ['lawyer']],
  ])('reads a threat to escalate as high: %s', (text, reasons, threats) => {
    expect(risk(text)).toEqual({ level: 'high', reasons, threats });
  });

  it('reads two signs of anger as high, one as watch', () => {
    expect(risk('叫你们主管来跟我说 这事没完')).toEqual({ level: 'high', reasons: ['没完', '主管'], threats: [] });
    expect(risk('付款都两天了还是待出库 搞什么啊')).toEqual({ level: 'watch', reasons: ['搞什么'], threats: [] });
    expect(risk('人呢？？？发了十分钟消息都不回')).toEqual({ level: 'watch', reasons: ['???'], threats: [] });
    expect(risk('一点不凉😡😡')).toEqual({ level: 'watch', reasons: ['😡'], threats: [] });
    expect(risk('how do I edit my goddamn account')).toEqual({ level: 'watch', reasons: ['goddamn'], threats: [] });
    expect(risk('他妈的到底发不发货')).toEqual({ level: 'watch', reasons: ['他妈'], threats: [] });
  });

  it('does not count a negated threat, but anger stays anger', () => {
    expect(risk('放心 不会给差评的 就问问')).toBeNull();
    expect(risk("I won't leave a bad review, just asking")).toBeNull();
    expect(risk('不给说法我就退货 太坑了')).toEqual({ level: 'high', reasons: ['太坑', '说法'], threats: [] });
  });

  it('matches English phrases as whole words and tells shouting from product names', () => {
    expect(risk('I have an issue with my order')).toBeNull();
    expect(risk('Hi, Sue here, where is my order')).toBeNull();
    expect(risk('I will sue your company')).toMatchObject({ level: 'high', threats: ['sue your'] });
    expect(risk('屏幕是OLED还是LCD 多少hz')).toBeNull();
    expect(risk('PLEASE CANCEL MY ORDER I ORDERED THE WRONG THING')).toEqual({
      level: 'watch',
      reasons: ['CAPITALS'],
      threats: [],
    });
    expect(risk('什么时候发货', 'ok thanks')).toBeNull();
  });

  it("reads the buyer's messages since the agent last wrote", () => {
    const calmedDown: ChatMessage[] = [
      buyer('再不发货我就投诉'),
      { role: 'agent', text: '亲，今天一定发出' },
      buyer('好的 什么时候能到'),
    ];
    expect(complaintRisk(calmedDown)).toBeNull();
    expect(complaintRisk([...calmedDown.slice(0, 2), buyer('还没发？？？ 我要投诉')])).toMatchObject({
      level: 'high',
      reasons: ['投诉', '???'],
    });
  });
});
