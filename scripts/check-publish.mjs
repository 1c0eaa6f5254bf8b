#!/usr/bin/env node
/**
 * Run by `npm run dist` before electron-builder: the fields whoever publishes
 * fills in (package.json `homepage`, `author` with name and e-mail, `repository`)
 * must be set, and not left as example addresses. They become the installers'
 * metadata (the deb's Homepage and Maintainer); none is invented here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const placeholder = /(^|[@./])example\.(com|org|net|test)\b|\.invalid\b/i;

const text = (value) => (typeof value === 'string' ? value.trim() : '');
const usable = (value) => text(value) !== '' && !placeholder.test(text(value));

/** The missing or placeholder publishing fields of a package.json object, each with a plain sentence. */
export function missingPublishFields(pkg) {
  const missing = [];
  if (!usable(pkg.homepage))
    missing.push(['homepage', 'the project’s web page (the deb’s Homepage), for example "https://…"']);
  const author = typeof pkg.author === 'string' ? { name: pkg.author } : (pkg.author ?? {});
  if (!usable(author.name)) missing.push(['author.name', 'who publishes Token Tray (the deb’s Maintainer)']);
  if (!usable(author.email))
    missing.push(['author.email', 'an e-mail address people can write to (the deb’s Maintainer)']);
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!usable(repository)) missing.push(['repository', 'where the source code is published']);
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2] ?? 'package.json';
  const missing = missingPublishFields(JSON.parse(readFileSync(path, 'utf8')));
  if (missing.length > 0) {
    console.error(`npm run dist stopped: ${path} does not say who publishes this build.`);
    for (const [field, what] of missing) console.error(`  - "${field}" is missing: ${what}.`);
    console.error('Fill these in package.json (see "Before publishing" in the README), then run npm run dist again.');
    process.exit(1);
  }
}
