import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { parsePack } from '../../lib/packs/validate';
import { SuggestEngine } from '../../lib/suggest/engine';
import { DORMANT_SCENARIO_FACTOR } from '../../lib/suggest/rank/thresholds';
import { pack } from '../helpers/packs';

const input: PackInput = {
  format: 'huashu-pack/1',
  id: 'gates',
  name: '场景店',
  version: '1.0.0',
  locale: 'zh-CN',
  scenarios: [
    { id: 'presale', name: '预售' },
    { id: 'double11', name: '双11', from: '2026-11-01', to: '2026-11-12' },
    { id: 'vip', name: '会员', when: { vip: true } },
  ],
  entries: [
    {
      id: 'ship-time',
      title: '发货时间',
      questions: ['什么时候发货', '多久能发货'],
      replies: [{ text: '48小时内发货' }],
    },
    {
      id: 'presale-ship',
      title: '预售发货',
      questions: ['预售什么时候发货', '付了定金多久发货'],
      scenarios: ['presale'],
      replies: [{ text: '预售款以详情页为准' }, { text: '预售款付尾款后7天内发货', scenarios: ['presale'] }],
    },
    {
      id: 'double11-deals',
      title: '双11活动',
      questions: ['双十一有什么活动', '双11优惠'],
      scenarios: ['double11'],
      replies: [{ text: '双11全场满300减50' }],
    },
    {
      id: 'vip-gift',
      title: '会员礼物',
      questions: ['会员有什么礼物'],
      scenarios: ['vip'],
      replies: [{ text: '会员送定制礼盒' }],
    },
  ],
};

const december = new Date(2026, 11, 20);
const engine = new SuggestEngine();
engine.setPacks([pack(input)]);
const suggest = (text: string, scenarios: string[] = [], scenariosOff: string[] = []) =>
  engine.suggest({ text, now: december, scenarios, scenariosOff }).suggestions;

describe('entries of a manual scenario that is off', () => {
  it('are offered, marked with the scenario, with its reply variant, at a lower score', () => {
    const off = suggest('预售的付了定金多久发货').find((s) => s.entryId === 'presale-ship');
    const on = suggest('预售的付了定金多久发货', ['presale']).find((s) => s.entryId === 'presale-ship');
    expect(off?.scenarioOff).toEqual({ id: 'presale', name: '预售' });
    expect(off?.text).toBe('预售款付尾款后7天内发货');
    expect(on?.scenarioOff).toBeUndefined();
    expect(off!.score).toBeCloseTo(on!.score * (DORMANT_SCENARIO_FACTOR / 1.15), 2);
  });

  it('do not displace an answer that holds now when it fits as well', () => {
    expect(suggest('什么时候发货')[0]?.entryId).toBe('ship-time');
  });
});

describe('with the shipped packs', () => {
  it('a plain shipping question leads with the entry that answers now, not the pre-order one', () => {
    const shipped = readdirSync(new URL('../../knowledge-packs/', import.meta.url))
      .filter((file) => file.endsWith('.json'))
      .map((file) => {
        const result = parsePack(readFileSync(new URL(`../../knowledge-packs/${file}`, import.meta.url), 'utf8'));
        if (!result.ok) throw new Error(`${file} is invalid`);
        return result.pack;
      });
    const all = new SuggestEngine();
    all.setPacks(shipped);
    const ranked = all.suggest(
      { text: 'Customer asks: when will my order ship?', platform: 'generic', now: december },
      10,
    );
    expect(ranked.suggestions[0]?.entryId).toBe('processing-time');
  });
});

describe('entries of a dated scenario out of its window', () => {
  it('are offered when asked about, marked with the scenario and its dates', () => {
    const [first] = suggest('双十一有什么活动');
    expect(first?.entryId).toBe('double11-deals');
    expect(first?.scenarioOff).toEqual({ id: 'double11', name: '双11', from: '2026-11-01', to: '2026-11-12' });
    const during = engine.suggest({ text: '双十一有什么活动', now: new Date(2026, 10, 5) }).suggestions[0];
    expect(during?.entryId).toBe('double11-deals');
    expect(during?.scenarioOff).toBeUndefined();
  });

  it('do not lead when an entry that answers now fits as well', () => {
    expect(suggest('双11什么时候发货')[0]?.entryId).toBe('ship-time');
  });
});

describe('entries that stay closed', () => {
  it('a scenario the agent switched off for this chat, dated or manual', () => {
    expect(suggest('双十一有什么活动', [], ['double11']).map((s) => s.entryId)).not.toContain('double11-deals');
    expect(suggest('预售的付了定金多久发货', [], ['presale']).map((s) => s.entryId)).not.toContain('presale-ship');
  });

  it('a scenario with `when` the chat does not meet', () => {
    expect(suggest('会员有什么礼物').map((s) => s.entryId)).not.toContain('vip-gift');
  });
});
