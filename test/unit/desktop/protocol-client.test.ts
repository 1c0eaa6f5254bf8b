import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocolClientCall } from '../../../main/desktop';

describe('URL scheme registration', () => {
  it('packaged: registers just the scheme', () => {
    expect(
      protocolClientCall('pmtokentray', false, '/opt/Token Tray/token-tray', ['/opt/Token Tray/token-tray']),
    ).toEqual(['pmtokentray']);
  });

  it('development: registers electron with the resolved app path, as Electron documents', () => {
    expect(
      protocolClientCall('pmtokentray', true, '/repo/node_modules/electron/dist/electron', [
        '/repo/node_modules/electron/dist/electron',
        '.',
      ]),
    ).toEqual(['pmtokentray', '/repo/node_modules/electron/dist/electron', [resolve('.')]]);
    expect(protocolClientCall('pmtokentray', true, '/x/electron', ['/x/electron'])).toBeNull();
  });
});
