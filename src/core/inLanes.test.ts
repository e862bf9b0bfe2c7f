import { describe, expect, it } from 'vitest';
import { inLanes } from './inLanes.js';

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('inLanes', () => {
  it('runs every item once, never more than `lanes` at a time', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await inLanes([5, 1, 4, 2, 3, 1, 2], 3, async (ms) => {
      running += 1;
      most = Math.max(most, running);
      await tick(ms);
      seen.push(ms);
      running -= 1;
    });
    expect(seen.sort()).toEqual([1, 1, 2, 2, 3, 4, 5]);
    expect(most).toBe(3);
  });

  it('one lane keeps the order', async () => {
    const seen: number[] = [];
    await inLanes([3, 1, 2], 1, async (n) => {
      await tick(n);
      seen.push(n);
    });
    expect(seen).toEqual([3, 1, 2]);
  });

  it('after a failure starts nothing new, waits for what runs, then throws the first error', async () => {
    const started: string[] = [];
    const finished: string[] = [];
    const outcome = inLanes(['slow', 'bad', 'later', 'never'], 2, async (item) => {
      started.push(item);
      if (item === 'bad') {
        await tick(1);
        throw new Error('bad item');
      }
      await tick(item === 'slow' ? 30 : 1);
      finished.push(item);
    });
    await expect(outcome).rejects.toThrow('bad item');
    expect(started).toEqual(['slow', 'bad']);
    expect(finished).toEqual(['slow']);
  });
});
