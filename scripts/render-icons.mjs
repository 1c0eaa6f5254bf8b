// Renders every icon Token Tray ships from the two sources in assets/source/.
//
//   npm run icons                 writes into assets/ (commit the result)
//   node scripts/render-icons.mjs --out <dir>   writes the same tree elsewhere
//
// Outputs (relative to the output folder):
//   icon.png                       1024 px app icon (electron-builder: mac .icns, Linux)
//   icon.ico                       Windows app icon, 16..256 px layers
//   icons/png/<n>x<n>.png          app icon sizes for Linux (electron-builder linux.icon)
//   tray/trayTemplate[@2x].png     macOS menu-bar template (black + alpha; macOS tints it)
//   tray/tray-light[@2x].png       dark glyph for light panels (Windows, Linux)
//   tray/tray-dark[@2x].png        light glyph for dark panels (Windows, Linux)
//   ...and the same three with "SignedOut"/"-signed-out" for the signed-out state.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import resvgJs from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const { Resvg } = resvgJs;

/** Project root (this file lives in <root>/scripts). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** App icon sizes, in pixels. 1024 feeds macOS .icns; Linux uses the whole set. */
export const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Layers of the Windows .ico (Windows picks 16/24/32/48 for lists and 256 for tiles). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** Tray glyph size at 1x; @2x is double. 16 px is the macOS menu-bar and Windows tray size. */
export const TRAY_SIZE = 16;

/** Opacity of the glyph while no profile is signed in (dimmed, same shape). */
export const SIGNED_OUT_OPACITY = 0.45;

/**
 * Tray variants. Names ending in "Template" are macOS template images: Electron marks them
 * as templates by file name, so macOS recolours them for light, dark and highlighted menu bars.
 */
export const TRAY_VARIANTS = [
  { name: 'trayTemplate', color: '#000000', opacity: 1 },
  { name: 'traySignedOutTemplate', color: '#000000', opacity: SIGNED_OUT_OPACITY },
  { name: 'tray-light', color: '#1F2328', opacity: 1 },
  { name: 'tray-dark', color: '#FFFFFF', opacity: 1 },
  { name: 'tray-signed-out-light', color: '#1F2328', opacity: SIGNED_OUT_OPACITY },
  { name: 'tray-signed-out-dark', color: '#FFFFFF', opacity: SIGNED_OUT_OPACITY },
];

/** Placeholder fill in assets/source/tray.svg that each variant replaces. */
const TRAY_FILL = 'fill="#000000"';

/**
 * Renders an SVG to a square PNG of `size` pixels.
 * @param {string} svg
 * @param {number} size
 * @returns {Buffer}
 */
export function renderPng(svg, size) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    background: 'rgba(0,0,0,0)',
  });
  return resvg.render().asPng();
}

/**
 * Recolours the tray source for one variant.
 * @param {string} traySvg
 * @param {{ color: string, opacity: number }} variant
 * @returns {string}
 */
export function trayVariantSvg(traySvg, variant) {
  if (traySvg.split(TRAY_FILL).length !== 2) {
    throw new Error(`assets/source/tray.svg must contain ${TRAY_FILL} exactly once.`);
  }
  return traySvg.replace(TRAY_FILL, `fill="${variant.color}" opacity="${variant.opacity}"`);
}

/**
 * Writes every icon into `outDir` and returns the written paths relative to it.
 * @param {string} outDir
 * @returns {Promise<string[]>}
 */
export async function renderAll(outDir) {
  const iconSvg = await readFile(path.join(ROOT, 'assets/source/icon.svg'), 'utf8');
  const traySvg = await readFile(path.join(ROOT, 'assets/source/tray.svg'), 'utf8');
  /** @type {Map<string, Buffer>} */
  const files = new Map();

  /** @type {Map<number, Buffer>} */
  const appPngs = new Map();
  for (const size of APP_SIZES) {
    const png = renderPng(iconSvg, size);
    appPngs.set(size, png);
    files.set(`icons/png/${size}x${size}.png`, png);
  }
  files.set('icon.png', /** @type {Buffer} */ (appPngs.get(1024)));
  files.set('icon.ico', await pngToIco(ICO_SIZES.map((size) => /** @type {Buffer} */ (appPngs.get(size)))));

  for (const variant of TRAY_VARIANTS) {
    const svg = trayVariantSvg(traySvg, variant);
    files.set(`tray/${variant.name}.png`, renderPng(svg, TRAY_SIZE));
    files.set(`tray/${variant.name}@2x.png`, renderPng(svg, TRAY_SIZE * 2));
  }

  for (const [relative, data] of files) {
    const target = path.join(outDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }
  return [...files.keys()];
}

/**
 * Reads `--out <dir>` from argv; defaults to <root>/assets.
 * @param {string[]} argv
 * @returns {string}
 */
function outDirFromArgs(argv) {
  const at = argv.indexOf('--out');
  return at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]) : path.join(ROOT, 'assets');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = outDirFromArgs(process.argv.slice(2));
  const written = await renderAll(outDir);
  console.log(`Rendered ${written.length} icon files into ${path.relative(process.cwd(), outDir) || '.'}`);
}
