/**
 * Saving a file where the person chose (Profiles › Save as a file…): the shell asks with the system's
 * dialog; this writes it, readable by the person alone, since a setup file may hold an Auth Client secret.
 */
import { writeFileAtomic } from '../core';

/**
 * Asks `choose` where to save (null: the person cancelled), then writes `content` there through core's
 * careful writer (mode 0600; a full disk or a read-only folder is said in plain words, and a file that was
 * there stays whole). Resolves true once saved, false when cancelled.
 */
export async function saveChosenFile(content: string, choose: () => Promise<string | null>): Promise<boolean> {
  const path = await choose();
  if (path === null) return false;
  writeFileAtomic(path, content);
  return true;
}
