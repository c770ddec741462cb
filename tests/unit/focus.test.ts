import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { NEGATED_WEIGHT, readFocus, STORY_WEIGHT } from '../../lib/suggest/rank/focus';

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

  it('leaves a message without a recognisable question as it is', () => {
    expect(focus('my parcel is late. it was due monday. order 1042.').every((c) => c.weight === 1)).toBe(true);
  });
});
