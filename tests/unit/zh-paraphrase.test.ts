import { describe, expect, it } from 'vitest';
import { SuggestEngine } from '../../lib/suggest/engine';
import { nameChineseComplaints } from '../../lib/suggest/text/zh-paraphrase';
import { pack } from '../helpers/packs';

describe('Chinese complaints told as what happened', () => {
  it('names a wrong item, a missing one and a price drop', () => {
    expect(nameChineseComplaints('我要的是黑色你发个白色过来')).toBe('我要的是黑色你发个白色过来，发错了');
    expect(nameChineseComplaints('箱子里没找着遥控器')).toBe('箱子里没找着遥控器，少发');
    expect(nameChineseComplaints('只收到两件')).toBe('只收到两件，少发');
    expect(nameChineseComplaints('昨天刚买今天就便宜三十')).toBe('昨天刚买今天就便宜三十，降价了');
  });

  it('leaves a message that only says what was bought, or has no Chinese, as it is', () => {
    for (const text of ['我买的是L码，能换M吗', '什么时候发货', 'you sent the wrong one'])
      expect(nameChineseComplaints(text)).toBe(text);
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
  });
});
