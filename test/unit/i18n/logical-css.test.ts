/**
 * The window's CSS says start and end, not left and right (margin-inline-start, not margin-left), so
 * a right-to-left language could follow without a rewrite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const stylesDir = join(__dirname, '../../../renderer/styles');
const PHYSICAL =
  /\b((margin|padding|border)-(left|right)(-[a-z]+)?|(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)|clear:\s*(left|right))/;

describe('logical CSS', () => {
  it('no rule in the window’s styles names left or right', () => {
    const found = readdirSync(stylesDir)
      .filter((name) => name.endsWith('.css'))
      .flatMap((name) =>
        readFileSync(join(stylesDir, name), 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            PHYSICAL.test(line.replace(/\/\*.*?\*\//g, '')) ? [`${name}:${i + 1} ${line.trim()}`] : [],
          ),
      );
    expect(found).toEqual([]);
  });
});
