// What a system error while reading or writing files means, said once: for the kiosk's data
// folder, a USB stick and the hub's folder alike. Callers word it for their medium ("the USB
// stick is full", "the kiosk's disk is full") from the kind of trouble; writeProblem() says it
// for any file.

/** The kinds of trouble a file operation can meet that a person can do something about. */
export type DiskTrouble = 'full' | 'read-only' | 'not-allowed' | 'missing' | 'gone' | 'in-the-way';

/** Each system error code a person can act on: the kind of trouble, and its words. */
const ERRNO = new Map<string, { trouble: DiskTrouble; words: string }>(
  ([
    ['full', 'the disk is full', 'ENOSPC EDQUOT'],
    ['read-only', 'the disk is read-only', 'EROFS'],
    ['not-allowed', 'the app may not write there', 'EACCES EPERM'],
    ['missing', 'a folder on its path does not exist', 'ENOENT'],
    ['gone', 'the disk stopped answering (a USB stick taken out?)', 'EIO ENODEV ENXIO'],
    ['in-the-way', 'part of its path is a file, not a folder', 'ENOTDIR'],
    ['in-the-way', 'a file of that name is in the way', 'EEXIST'],
    ['in-the-way', 'it is a folder', 'EISDIR'],
  ] as const).flatMap(([trouble, words, codes]) => codes.split(' ').map((code) => [code, { trouble, words }] as const)),
);

const known = (error: unknown) => ERRNO.get((error as NodeJS.ErrnoException | null)?.code ?? '');

/** The kind of trouble behind a system error, or null for one that is none of these (a fault, likely). */
export const troubleOf = (error: unknown): DiskTrouble | null => known(error)?.trouble ?? null;

/** Why a file or folder could not be written (or read), in words a user can act on. */
export const writeProblem = (error: unknown): string => known(error)?.words ?? (error as Error).message;
