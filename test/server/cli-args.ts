/** Options of `npm run pm-server -- [--port N] [--host H] [--config FILE] [--https] [--latency MS]`. */
export interface CliOptions {
  port: number;
  host: string;
  configFile: string | null;
  https: boolean;
  latencyMs: number;
}

/** Usage text. */
export const USAGE = 'usage: pm-server [--port N] [--host HOST] [--config FILE] [--https] [--latency MS]';

const number = (flag: string, raw: string | undefined): number => {
  const n = raw === undefined ? NaN : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, got "${raw ?? ''}".`);
  return n;
};

/** Parses the command line; throws a plain sentence on anything it does not understand. */
export function parseCliArgs(argv: string[]): CliOptions {
  const out: CliOptions = { port: 0, host: '127.0.0.1', configFile: null, https: false, latencyMs: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        out.port = number('--port', value());
        break;
      case '--host':
        out.host = value() ?? out.host;
        break;
      case '--config': {
        const file = value();
        if (file === undefined || file === '') throw new Error('--config needs a file name.');
        out.configFile = file;
        break;
      }
      case '--https':
        out.https = true;
        break;
      case '--latency':
        out.latencyMs = number('--latency', value());
        break;
      default:
        throw new Error(`Unknown option "${arg}". ${USAGE}`);
    }
  }
  return out;
}
