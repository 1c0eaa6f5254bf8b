/**
 * Saving a file where the person chose (Profiles › Save as a file…): the shell asks with the system's
 * dialog; this writes it, readable by the person alone, since a setup file may hold an Auth Client secret.
 */
import { writeFile } from 'node:fs/promises';

/**
 * Asks `choose` where to save (null: the person cancelled), then writes `content` there with mode 0600.
 * Resolves true once saved, false when cancelled; a failed write rejects with the system's error.
 */
export async function saveChosenFile(content: string, choose: () => Promise<string | null>): Promise<boolean> {
  const path = await choose();
  if (path === null) return false;
  await writeFile(path, content, { mode: 0o600 });
  return true;
}
