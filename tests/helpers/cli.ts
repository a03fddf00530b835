// The `olifant` command as tests and the bench run it: its source, under this Node.

import path from 'node:path';

export const CLI = path.join(import.meta.dirname, '..', '..', 'electron', 'cli', 'olifant.ts');
