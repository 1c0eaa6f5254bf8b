/** Waiting for a running child process to print something. */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** Resolves with the first match of `pattern` in the child's stderr (rejects if it exits first). */
export function waitForStderr(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<RegExpExecArray> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer | string): void => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        child.stderr.off('data', onData);
        child.off('close', onClose);
        resolve(match);
      }
    };
    const onClose = (code: number | null): void =>
      reject(new Error(`pmtoken exited (${code}) before printing ${pattern}: ${seen}`));
    child.stderr.on('data', onData);
    child.once('close', onClose);
  });
}
