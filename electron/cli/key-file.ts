// Keys on the command line: typed, or in a file (as `olifant pillar id` or `olifant pack keygen`
// wrote it), read as a plain file of at most 64 KiB.

import { existsSync } from 'node:fs';
import { readPlainFile } from '../../content/plain-file.ts';

/**
 * A key given on the command line: the key itself, or a file holding it (what `olifant pillar id`
 * printed, or the public.txt of `olifant pack keygen`); `keyIn` finds the key in the text.
 */
export function keyFrom(arg: string, keyIn: (text: string) => string): string {
  if (!existsSync(arg)) return keyIn(arg);
  let text: string;
  try {
    text = readPlainFile(arg, 64 * 1024).toString('utf8');
  } catch (error) {
    throw new Error(`the key file ${arg} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return keyIn(text);
  } catch (error) {
    throw new Error(`${arg}: ${(error as Error).message}`);
  }
}
