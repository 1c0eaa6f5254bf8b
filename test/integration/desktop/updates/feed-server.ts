/**
 * A generic-provider update feed on 127.0.0.1: channel files (latest-linux.yml, beta-linux.yml)
 * and the installers they name, with the sha512 electron-builder would write. Installer bytes are
 * random, made at run time. Records every path asked for.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One release in a channel file. */
export interface FeedRelease {
  version: string;
  file: string;
  /** The bytes served for `file`. */
  bytes: Buffer;
  /** The sha512 written into the channel file; defaults to the real one. */
  claimedSha512?: string;
}

/** The running feed. */
export interface FeedServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** base64 sha512, as in latest*.yml. */
export const sha512 = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

/** A fake installer of `size` random bytes. */
export const installerBytes = (size = 64 * 1024): Buffer => randomBytes(size);

/** The channel file electron-builder writes for one release. */
export function channelFile(release: FeedRelease): string {
  const hash = release.claimedSha512 ?? sha512(release.bytes);
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${release.file}`,
    `    sha512: ${hash}`,
    `    size: ${release.bytes.length}`,
    `path: ${release.file}`,
    `sha512: ${hash}`,
    `releaseDate: '2026-01-15T10:00:00.000Z'`,
    '',
  ].join('\n');
}

/** Serves `channels` (file name → release) and their installers. */
export async function startFeedServer(channels: Record<string, FeedRelease>): Promise<FeedServer> {
  const files = new Map<string, Buffer>();
  for (const [name, release] of Object.entries(channels)) {
    files.set(`/${name}`, Buffer.from(channelFile(release)));
    files.set(`/${release.file}`, release.bytes);
  }
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const body = files.get(path);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
