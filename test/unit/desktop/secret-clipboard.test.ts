import { describe, expect, it } from 'vitest';
import { clipboardClearSeconds, parsePolicyValues } from '../../../main/core';
import { createSecretClipboard, type ClipboardPort, type TimerPort } from '../../../main/desktop';

/** An in-memory clipboard: the real behaviour of a clipboard, without a desktop. */
function memoryClipboard(): ClipboardPort & { text: string } {
  return {
    text: '',
    writeText(t) {
      this.text = t;
    },
    readText() {
      return this.text;
    },
  };
}

/** A manual timer port: time moves only when the test says so. */
function manualTimers(): TimerPort & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let next = 1;
  const queue = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout(run, ms) {
      const handle = next++;
      queue.set(handle, { at: now + ms, run });
      return handle;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [handle, timer] of [...queue]) {
        if (timer.at <= now) {
          queue.delete(handle);
          timer.run();
        }
      }
    },
    pending: () => queue.size,
  };
}

/** Lets the clear (which awaits the clipboard) finish. */
const settle = () => new Promise((r) => setImmediate(r));

const secret = () => `tok-${Math.random().toString(36).slice(2)}`;

describe('secret clipboard', () => {
  it('clears a copied token after the configured delay', async () => {
    const board = memoryClipboard();
    const timers = manualTimers();
    const clip = createSecretClipboard(board, { clearAfterSeconds: () => 60, timers });
    const token = secret();
    expect(await clip.copySecret(token)).toEqual({ clearsInSeconds: 60 });
    expect(board.text).toBe(token);
    timers.advance(59_999);
    await settle();
    expect(board.text).toBe(token);
    timers.advance(1);
    await settle();
    expect(board.text).toBe('');
  });

  it("clears under the organisation's ClipboardClearMaxSeconds of 0, whatever the person chose", async () => {
    const policy = parsePolicyValues({ ClipboardClearMaxSeconds: 0 }).values;
    for (const chosen of [0, 60]) {
      const board = memoryClipboard();
      const timers = manualTimers();
      const clip = createSecretClipboard(board, {
        clearAfterSeconds: () => clipboardClearSeconds(policy, chosen),
        timers,
      });
      expect(await clip.copySecret(secret())).toEqual({ clearsInSeconds: 1 });
      timers.advance(1000);
      await settle();
      expect(board.text).toBe('');
    }
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const board = memoryClipboard();
    const timers = manualTimers();
    const clip = createSecretClipboard(board, { clearAfterSeconds: () => 30, timers });
    await clip.copySecret(secret());
    board.writeText('my own notes');
    timers.advance(30_000);
    await settle();
    expect(board.text).toBe('my own notes');
  });

  it('never clears when the delay is 0', async () => {
    const board = memoryClipboard();
    const timers = manualTimers();
    const clip = createSecretClipboard(board, { clearAfterSeconds: () => 0, timers });
    const token = secret();
    expect((await clip.copySecret(token)).clearsInSeconds).toBe(0);
    expect(timers.pending()).toBe(0);
    expect(board.text).toBe(token);
  });

  it('a second copy restarts the delay for the new token', async () => {
    const board = memoryClipboard();
    const timers = manualTimers();
    const clip = createSecretClipboard(board, { clearAfterSeconds: () => 60, timers });
    await clip.copySecret(secret());
    timers.advance(50_000);
    await settle();
    const second = secret();
    await clip.copySecret(second);
    timers.advance(50_000);
    await settle();
    expect(board.text).toBe(second);
    timers.advance(10_000);
    await settle();
    expect(board.text).toBe('');
  });

  it('reads the delay at each copy and reports it to the notifier', async () => {
    const board = memoryClipboard();
    const timers = manualTimers();
    let delay = 60;
    const told: number[] = [];
    const clip = createSecretClipboard(board, {
      clearAfterSeconds: () => delay,
      timers,
      onSecretCopied: (s) => told.push(s),
    });
    await clip.copySecret(secret());
    delay = 15;
    await clip.copySecret(secret());
    expect(told).toEqual([60, 15]);
  });

  it('copies plain text without ever clearing it', async () => {
    const board = memoryClipboard();
    const timers = manualTimers();
    const clip = createSecretClipboard(board, { clearAfterSeconds: () => 60, timers });
    await clip.copyText('{"id":1}');
    timers.advance(120_000);
    await settle();
    expect(board.text).toBe('{"id":1}');
  });

  it('dispose clears our token at once but not text the user copied', async () => {
    const board = memoryClipboard();
    const clip = createSecretClipboard(board, { clearAfterSeconds: () => 60, timers: manualTimers() });
    await clip.copySecret(secret());
    await clip.dispose();
    expect(board.text).toBe('');
    await clip.copySecret(secret());
    board.writeText('theirs');
    await clip.dispose();
    expect(board.text).toBe('theirs');
  });

  it('works with the real Node timers', async () => {
    const board = memoryClipboard();
    // 1 s is the smallest delay the preference allows; wait for it for real.
    const clip = createSecretClipboard(board, { clearAfterSeconds: () => 1 });
    await clip.copySecret(secret());
    await new Promise((r) => setTimeout(r, 1_200));
    expect(board.text).toBe('');
  });
});

describe('copy notification text', () => {
  it('says when the clipboard clears', async () => {
    const { copiedNotice } = await import('../../../main/desktop');
    expect(copiedNotice(60)).toBe('Token copied — clears in 60 s');
    expect(copiedNotice(0)).toBe('Token copied');
  });
});
