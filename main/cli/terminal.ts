/**
 * Talking to the terminal: stdout for data (flushed before exit, so a pipe
 * gets every byte), stderr for people, secrets from stdin only (piped, or
 * typed without echo when stdin is a terminal).
 */

/** Writes to stdout and resolves once the data is handed to the OS. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** Writes a line (or lines) for people to stderr. */
export function say(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Thrown when the user presses Ctrl-C at a prompt. */
export class InterruptedError extends Error {
  constructor() {
    super('Interrupted');
    this.name = 'InterruptedError';
  }
}

/** Reads all of stdin and removes one trailing line break. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * True when a person can be asked: stdin is a terminal. Never when a script pipes into pmtoken or
 * stdin is closed: then a missing value is an error that names its option.
 */
export function canAsk(): boolean {
  return process.stdin.isTTY === true;
}

/** Asks on stderr and reads one typed line (shown as it is typed) from the terminal; Ctrl-C or Ctrl-D stops. */
export async function promptLine(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  return new Promise((resolve, reject) => {
    let answered = false;
    lines.on('SIGINT', () => {
      process.stderr.write('\n');
      lines.close();
    });
    lines.on('close', () => {
      if (!answered) reject(new InterruptedError());
    });
    lines.question(question, (answer) => {
      answered = true;
      lines.close();
      resolve(answer.trim());
    });
  });
}

/** Asks on stderr and reads one line from a terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new InterruptedError());
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/**
 * Gets a secret from stdin only (never argv): piped when `fromStdin` (the
 * `--…-stdin` flag) is set, typed without echo when stdin is a terminal, else
 * null (the caller explains which flag to use).
 */
export async function readSecret(fromStdin: boolean, question: string): Promise<string | null> {
  if (process.stdin.isTTY) return promptHidden(question);
  return fromStdin ? readStdin() : null;
}
