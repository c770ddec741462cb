import { describe, expect, it } from 'vitest';
import { SuggestEngine } from '../../lib/suggest/engine';
import { finish } from '../../lib/steps';
import { slotFillers, slotFillerSteps } from '../../lib/suggest/rank/slots';
import { accountsStore, pack } from '../helpers/packs';

const accounts = pack(accountsStore);

describe('slotFillers', () => {
  it('finds the values that fill one slot across entries, even one seen in a single entry', () => {
    expect([...slotFillers(accounts)].sort()).toEqual(['free', 'gold', 'platinum', 'premium', 'pro']);
  });

  it('finds the same read a few entries a step (the panel, for the phrasebook after its first list)', () => {
    for (const perStep of [1, 2, 5]) {
      const steps = slotFillerSteps(accounts, perStep);
      let yielded = 0;
      for (let step = steps.next(); ; step = steps.next(), yielded += 1) {
        if (!step.done) continue;
        expect([...step.value].sort()).toEqual([...slotFillers(accounts)].sort());
        break;
      }
      expect(yielded).toBe(Math.ceil(accounts.entries.length / perStep));
    }
    expect(finish(slotFillerSteps(pack({ ...accountsStore, entries: [] }), 3)).size).toBe(0);
  });

  it('reads words whatever surrounds them: capitals, apostrophes, Chinese, punctuation', () => {
    const written = pack({
      ...accounts,
      entries: accounts.entries.map((entry) => ({
        ...entry,
        questions: entry.questions.map((question, i) =>
          i === 0
            ? `请问${question.toUpperCase()}吗？`
            : i === 1
              ? `"${question}"!! don't wait`
              : `${question}，thanks`,
        ),
      })),
    });
    expect([...slotFillers(written)].sort()).toEqual([...slotFillers(accounts)].sort());
  });

  it('leaves intent words alone: a title word, or words each loyal to one entry', () => {
    expect(slotFillers(accounts).has('creat')).toBe(false);
    const orders = pack({
      format: 'huashu-pack/1',
      id: 'orders',
      name: 'Orders',
      version: '1.0.0',
      locale: 'en',
      entries: ['cancel', 'track', 'change', 'place'].map((verb) => ({
        id: `${verb}-order`,
        title: `${verb} order`.replace(/^./, (c) => c.toUpperCase()),
        questions: [`how do i ${verb} my order`, `${verb} order please`, `want to ${verb} order`],
        replies: [{ text: `To ${verb} an order, open My orders.` }],
      })),
    });
    expect(slotFillers(orders).size).toBe(0);
    const chinese = pack({
      format: 'huashu-pack/1',
      id: 'zh',
      name: '中文',
      version: '1.0.0',
      entries: [{ id: 'a', title: '发货', questions: ['什么时候发货'], replies: [{ text: '48小时内' }] }],
    });
    expect(slotFillers(chinese).size).toBe(0);
  });

  it('lets the verb, not the filler, choose the entry', () => {
    // The engine's own order: the buyer phrasebook's guard for such a message is tested in phrasebook.test.ts.
    const engine = new SuggestEngine({ phrasebook: false });
    engine.setPacks([accounts]);
    const top = (text: string) => engine.suggest({ text }).suggestions[0]?.entryId;
    expect(top('edit my platinum account')).toBe('edit-account');
    expect(top('remove my premium account')).toBe('delete-account');
    expect(top('switch to the gold account')).toBe('switch-account');
  });
});
