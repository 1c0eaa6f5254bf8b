import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '../../../../main/core/files';

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the keyed queue', () => {
  it('runs the work of one key one after another, in the order it was queued', async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const job = (name: string, ms: number) =>
      queue.run('file', async () => {
        order.push(`${name}:start`);
        await later(ms);
        order.push(`${name}:end`);
        return name;
      });
    expect(await Promise.all([job('a', 20), job('b', 1), job('c', 5)])).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('lets the work of other keys run alongside', async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const slow = queue.run('one', async () => {
      await later(30);
      order.push('one');
    });
    await queue.run('two', async () => order.push('two'));
    await slow;
    expect(order).toEqual(['two', 'one']);
  });

  it('hands each caller its own error and goes on with the next work', async () => {
    const queue = createKeyedQueue();
    const failed = queue.run('file', async () => Promise.reject(new Error('disk said no')));
    const next = queue.run('file', async () => 'ran');
    await expect(failed).rejects.toThrow('disk said no');
    expect(await next).toBe('ran');
  });
});
