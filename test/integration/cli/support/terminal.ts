/**
 * Runs the built pmtoken on a real terminal: `script` (util-linux) gives it a pty for stdin, stdout
 * and stderr, as a person's terminal would. Each answer is typed once its question has appeared.
 */
import { spawn } from 'node:child_process';
import type { BuiltCli } from './cli';

/** A question pmtoken should ask, and what the person types then (a line ends with \r, as Enter sends). */
export interface TypedAnswer {
  question: string;
  type: string;
}

/** What the terminal showed (the pty's \r\n as \n, without cursor movements) and the exit code. */
export interface TerminalRun {
  code: number | null;
  shown: string;
}

/** Runs pmtoken with `args` on a pty, typing `answers` in turn. */
export function runOnTerminal(
  cli: BuiltCli,
  args: string[],
  answers: TypedAnswer[],
  env: Record<string, string> = {},
): Promise<TerminalRun> {
  const command = [process.execPath, cli.path, ...args].map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, PMTOKEN_BROWSER: 'false', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let shown = '';
  let next = 0;
  let searchFrom = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString('utf8');
    const answer = answers[next];
    if (!answer) return;
    const at = shown.indexOf(answer.question, searchFrom);
    if (at < 0) return;
    searchFrom = at + answer.question.length;
    next += 1;
    // The question is written before the terminal is read: give pmtoken a moment to start reading.
    setTimeout(() => child.stdin.write(answer.type), 100);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      child.stdin.destroy();
      // readline moves the cursor with CSI sequences; what a person reads is the text.
      // eslint-disable-next-line no-control-regex
      resolve({ code, shown: shown.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\r+\n/g, '\n') });
    });
  });
}
