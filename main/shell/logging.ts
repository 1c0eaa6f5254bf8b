/**
 * electron-log writing to `<userData>/logs/main.log`, every entry redacted by
 * a hook (tokens never reach the file, whoever logs them). Returns the sink
 * core's logger writes through.
 */
import { join } from 'node:path';
import log from 'electron-log/main';
import type { LogSink } from '../core';
import { redactLogData } from '../core';

/** Sets up logging once; returns a {@link LogSink} for core. */
export function setUpLogging(userDataDir: string, toConsole: boolean): LogSink {
  log.transports.file.resolvePathFn = () => join(userDataDir, 'logs', 'main.log');
  log.transports.file.maxSize = 1024 * 1024;
  log.transports.console.level = toConsole ? 'info' : false;
  log.hooks.push((message) => ({ ...message, data: redactLogData(message.data) }));
  return {
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
    error: (m) => log.error(m),
  };
}
