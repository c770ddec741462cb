import { describe, expect, it } from 'vitest';
import { finish, finishInTasks } from '../../lib/steps';

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

  it('finishInTasks passes a slice failure on', async () => {
    function* failing(): Generator<void, number, void> {
      yield;
      throw new Error('out of memory');
    }
    await expect(finishInTasks(failing(), async () => undefined)).rejects.toThrow('out of memory');
  });
});
