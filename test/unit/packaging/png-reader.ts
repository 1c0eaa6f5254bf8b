/**
 * Just enough PNG and ICO reading to check the rendered icons: the PNG signature, the IHDR
 * header, RGBA pixels of 8-bit non-interlaced images, and the ICO directory.
 */
import { inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Fields of a PNG's IHDR chunk. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 = RGBA truecolour with alpha. */
  colorType: number;
  interlace: number;
}

/** Reads the IHDR chunk; throws if the bytes are not a PNG. */
export function readPngHeader(data: Buffer): PngHeader {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('not a PNG file (bad signature)');
  }
  if (data.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data.readUInt8(24),
    colorType: data.readUInt8(25),
    interlace: data.readUInt8(28),
  };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG into `width * height * 4` bytes. */
export function readPngRgba(data: Buffer): { header: PngHeader; pixels: Buffer } {
  const header = readPngHeader(data);
  if (header.bitDepth !== 8 || header.colorType !== 6 || header.interlace !== 0) {
    throw new Error('only 8-bit RGBA non-interlaced PNGs are supported');
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = header.width * 4;
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      pixels[y * stride + x] = (value + predictor(filter ?? 0, left, up, upLeft)) & 0xff;
    }
  }
  return { header, pixels };
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter type ${filter}`);
  }
}

/** One image in an ICO directory. */
export interface IcoEntry {
  /** Pixel width (the directory's 0 means 256). */
  size: number;
  bytes: number;
  offset: number;
}

/** Reads an ICO file's header and directory; throws if it is not an icon file. */
export function readIcoDirectory(data: Buffer): IcoEntry[] {
  if (data.length < 6 || data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) {
    throw new Error('not an ICO file (bad header)');
  }
  const count = data.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 16;
    const width = data.readUInt8(at);
    entries.push({
      size: width === 0 ? 256 : width,
      bytes: data.readUInt32LE(at + 8),
      offset: data.readUInt32LE(at + 12),
    });
  }
  return entries;
}
