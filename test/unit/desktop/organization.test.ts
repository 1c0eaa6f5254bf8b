import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policies } from '../../../main/core';
import {
  applyOrganizationProfiles,
  saveChosenFile,
  startOrganizationPolicies,
  watchLanguage,
} from '../../../main/desktop';

/** A log that keeps its lines. */
function memoryLog() {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => void lines.push(`info ${m}`),
    warn: (m: string) => void lines.push(`warn ${m}`),
    error: (m: string) => void lines.push(`error ${m}`),
  };
}

const reading = (values: Policies['values'], problems: string[] = []): Policies => ({ values, problems, sources: {} });

describe('the organisation’s policies, profiles and language, without Electron', () => {
  it('keeps the latest reading, tells listeners when IT changes a store, and keeps the last good one when a reading fails', async () => {
    const log = memoryLog();
    let next: () => Promise<Policies> = async () => reading({ OrganizationName: 'Acme Corp' });
    let changed: () => void = () => undefined;
    let watching = true;
    const policies = await startOrganizationPolicies(
      Promise.resolve(reading({ Language: 'de' }, ['The Linux policy file is not valid JSON.'])),
      {
        read: () => next(),
        watch: (onChange) => {
          changed = onChange;
          return () => void (watching = false);
        },
      },
      log,
    );
    expect(policies.values()).toEqual({ Language: 'de' });
    expect(log.lines).toEqual(['warn Policy: The Linux policy file is not valid JSON.']);
    let heard = 0;
    policies.onRead(() => (heard += 1));
    changed();
    await expect.poll(() => heard).toBe(1);
    expect(policies.values()).toEqual({ OrganizationName: 'Acme Corp' });
    expect(policies.problems()).toEqual([]);
    next = async () => {
      throw new Error('reg.exe is missing');
    };
    await policies.reread();
    expect(heard).toBe(1);
    expect(policies.values()).toEqual({ OrganizationName: 'Acme Corp' });
    expect(log.lines.at(-1)).toBe('error Policy: the policies could not be read again: Error: reg.exe is missing');
    policies.dispose();
    expect(watching).toBe(false);
  });

  it('makes the organisation’s profiles match, releasing none when a store could not all be read', async () => {
    const log = memoryLog();
    const calls: Array<{ entries: unknown[]; release: boolean | undefined }> = [];
    const engine = {
      applyManagedProfiles: async (entries: unknown[], options?: { release?: boolean }) => {
        calls.push({ entries, release: options?.release });
        return {
          added: ['Acme'],
          updated: [],
          released: ['Old'],
          problems: [
            {
              entry: 2,
              error: {
                code: 'setup_invalid' as const,
                key: 'error.setup_invalid' as const,
                message: 'This setup link or file cannot be used.',
              },
            },
          ],
        };
      },
    };
    const profiles = ['{"v":1}', '{"v":1,"name":"x"}'];
    await applyOrganizationProfiles(engine, { values: () => ({ Profiles: profiles }), problems: () => [] }, log);
    await applyOrganizationProfiles(
      engine,
      { values: () => ({ Profiles: profiles }), problems: () => ['unreadable'] },
      log,
    );
    expect(calls.map((c) => c.release)).toEqual([true, false]);
    expect(calls[0]!.entries).toEqual(profiles);
    expect(log.lines.slice(0, 3)).toEqual([
      'info Policy: profile “Acme” set up by the organisation.',
      'info Policy: profile “Old” is no longer the organisation’s.',
      'warn Policy: profile number 2 of Profiles was left out: This setup link or file cannot be used.',
    ]);
  });

  it('tells of a new language once, whatever changed it', () => {
    let locale = 'en';
    let told = 0;
    const check = watchLanguage(
      () => locale,
      () => (told += 1),
    );
    check();
    expect(told).toBe(0);
    locale = 'de';
    check();
    check();
    expect(told).toBe(1);
  });

  it('saves a chosen file for the person alone, and nothing when they cancel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-tray-save-'));
    try {
      const path = join(dir, 'Acme.pmtokentray');
      await expect(saveChosenFile('{"v":1}\n', async () => null)).resolves.toBe(false);
      expect(existsSync(path)).toBe(false);
      await expect(saveChosenFile('{"v":1}\n', async () => path)).resolves.toBe(true);
      expect(readFileSync(path, 'utf8')).toBe('{"v":1}\n');
      if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
