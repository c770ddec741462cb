import { describe, expect, it } from 'vitest';
import { finish, finishInTasks, follow, inSlices } from '../../lib/steps';

function* countTo(n: number, log: string[]) {
  for (let i = 1; i <= n; i++) {
    log.push(`slice ${i}`);
    yield;
  }
  return n;
}

describe('stepped computations', () => {
  it('finish runs every slice at once and returns the result', () => {
    const log: string[] = [];
    expect(finish(countTo(3, log))).toBe(3);
    expect(log).toEqual(['slice 1', 'slice 2', 'slice 3']);
  });

  it('finishInTasks runs one slice per pause, with the caller between them', async () => {
    const log: string[] = [];
    const pause = async () => {
      log.push('pause');
    };
    expect(await finishInTasks(countTo(2, log), pause)).toBe(2);
    expect(log).toEqual(['pause', 'slice 1', 'pause', 'slice 2', 'pause']);
  });

  it('inSlices reads every item once, a slice a step, the last one shorter', () => {
    const slices: string[] = [];
    const steps = inSlices(7, 3, (from, to) => slices.push(`${from}-${to}`));
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(slices).toEqual(['0-3', '3-6', '6-7']);
    expect(yields).toBe(3);
    expect(finish(inSlices(0, 3, () => slices.push('none')))).toBeUndefined();
    expect(slices).toHaveLength(3);
  });

  it('follow lets two callers drive one computation, each yielding at the steps it ran', () => {
    const log: string[] = [];
    const shared = countTo(4, log);
    const first = follow(shared);
    const second = follow(shared);
    first.next();
    second.next();
    expect(log).toEqual(['slice 1', 'slice 2']);
    expect(finish(second)).toBeUndefined();
    expect(log).toEqual(['slice 1', 'slice 2', 'slice 3', 'slice 4']);
    // The first finds it done at its next step.
    expect(first.next().done).toBe(true);
  });

  it('finishInTasks passes a slice failure on', async () => {
    function* failing(): Generator<void, number, void> {
      yield;
      throw new Error('out of memory');
    }
    await expect(finishInTasks(failing(), async () => undefined)).rejects.toThrow('out of memory');
  });
});
