/**
 * The `pmtoken` executable (bundled to dist/cli/pmtoken.js). No work at import
 * time beyond wiring: the engine loads only for commands that need it.
 */
import { version } from '../../package.json';
import { main } from './main';

/** Exits once stdout and stderr have handed everything to the OS (pipes can be asynchronous). */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2), version).then(exitAfterFlush, () => exitAfterFlush(1));
