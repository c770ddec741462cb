import { describe, expect, it } from 'vitest';
import { CONCEPT_TABLE } from '../../lib/suggest/text/concepts.data';
import { conceptIndexForms, conceptsOf, conceptTermsIn, conceptTermsOfText } from '../../lib/suggest/text/concepts';

const concepts = (text: string) => conceptTermsOfText(text).sort();

describe('concept lexicon lookups', () => {
  it('puts the words of a concept together, in both languages', () => {
    for (const text of ['快递费多少', '要自己掏邮费吗', '运费怎么算', 'how much is postage', 'shipping cost to Canada'])
      expect(concepts(text)).toContain('@shipping-fee');
    for (const text of ['左耳机不出声', '耳机没声音', '音箱不响了', "it doesn't work", 'stopped working'])
      expect(concepts(text)).toContain('@defect');
    for (const text of ['运到漠河路上得几天', '多久到', '几天能到', 'what is the delivery time'])
      expect(concepts(text)).toContain('@transit-time');
    for (const text of ['the teapot arrived in three pieces', 'the mug is shattered', 'arrived damaged', '碎了'])
      expect(concepts(text)).toContain('@damaged');
    for (const text of ['typo in my zip code', 'I left off the apartment number', 'wrong postcode', '地址写错了'])
      expect(concepts(text)).toContain('@address');
    for (const text of ['has it even left your warehouse?', 'did it go out yet', 'has my order shipped'])
      expect(concepts(text)).toContain('@dispatch');
    for (const text of ['刚付款的那件不想要了', '能直接撤掉重新拍吗', '手滑拍多了一件'])
      expect(concepts(text)).toContain('@cancel');
    for (const text of ['半夜转起来吵不吵', '噪音大吗', 'is the grinder noisy', 'how loud is it'])
      expect(concepts(text)).toContain('@noise');
    for (const text of ['can I pay with Klarna', 'do you take Venmo?', 'Apple Pay ok?', '能用花呗吗', '支持信用卡吗'])
      expect(concepts(text)).toContain('@payment');
  });

  it('reads Taiwan and Hong Kong shop wording as the mainland words it stands for', () => {
    expect(concepts('保固是多久')).toContain('@warranty');
    expect(concepts('請問買多少錢可以免運')).toContain('@shipping-fee');
    expect(concepts('什麼時候出貨')).toContain('@dispatch');
    expect(concepts('可以超商取貨嗎')).toContain('@pickup-point');
    expect(concepts('七天鑑賞期內可以退嗎')).toContain('@return');
    expect(concepts('是原廠公司貨嗎')).toContain('@authenticity');
    expect(concepts('行動電源可以帶上飛機嗎')).toContain('@battery');
  });

  it('counts a narrower concept as its broader one too', () => {
    expect(concepts('洗了一次小了一圈')).toEqual(['@defect', '@shrink']);
    expect(concepts('起球严重')).toEqual(['@defect', '@pilling']);
    expect(concepts('pay in 4 with afterpay')).toEqual(['@installments', '@payment']);
  });

  it('normalises as the engine does: traditional Chinese, full width, case, inflection', () => {
    expect(concepts('運費怎麼算')).toContain('@shipping-fee');
    expect(concepts('ＫＬＡＲＮＡ')).toContain('@payment');
    expect(concepts('REFUNDS')).toEqual(['@refund']);
    expect(conceptTermsIn('refunded')).toEqual(['@refund']);
  });

  it('takes the longest phrase at each place', () => {
    // 退货运费 is who pays the return postage, not a return plus a shipping fee.
    expect(concepts('退货运费谁出')).toEqual(['@return-shipping']);
    expect(concepts('return shipping label')).toEqual(['@return-shipping']);
  });

  it('does not bridge unrelated concepts', () => {
    expect(concepts('运费')).not.toContain('@refund');
    expect(concepts('退款')).not.toContain('@shipping-fee');
    // Short words are matched as written: "up" is not UPS.
    expect(concepts('can I pick it up')).not.toContain('@carrier');
    expect(concepts('ship with UPS')).toContain('@carrier');
    // A phrase does not run across punctuation.
    expect(concepts('in. pieces')).not.toContain('@damaged');
    expect(concepts('你好')).toEqual([]);
    expect(concepts('')).toEqual([]);
  });

  it('gives one-term stand-ins of a term, never of another concept', () => {
    const standIns = (term: string) => conceptsOf(term).map((s) => s.term);
    expect(standIns('邮费')).toEqual(expect.arrayContaining(['运费', '包邮', 'postag']));
    expect(standIns('邮费')).not.toContain('退款');
    expect(standIns('運費')).toContain('邮费');
    expect(standIns('Refunds')).toEqual(expect.arrayContaining(['退款', 'reimburs']));
    expect(standIns('refund')).toEqual(standIns('refunds'));
    expect(standIns('沙发')).toEqual([]);
    for (const { share } of conceptsOf('klarna')) expect(share).toBe(1);
  });

  it('leaves out of the index phrases the tokenizer keeps too little of', () => {
    const forms = conceptIndexForms();
    const parts = (term: string) => forms.get(term)!.map((form) => form.parts.join(' '));
    expect(parts('@shipping-fee')).toContain('邮费');
    expect(parts('@shipping-fee')).toContain('ship cost');
    // "in pieces" is only `piec` to the tokenizer, 不要了 only 不要.
    expect(parts('@damaged')).not.toContain('piec');
    expect(parts('@cancel')).not.toContain('不要');
  });

  it('keeps the table well formed', () => {
    const ids = CONCEPT_TABLE.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, broader, words] of CONCEPT_TABLE) {
      for (const id of broader ? broader.split(' ') : []) expect(ids).toContain(id);
      expect(words.length).toBeGreaterThan(0);
    }
  });
});
