// The example session of ../shared/pillar-protocol.md, line by line, read from the
// document itself so the tests follow the contract as written.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../../electron/platform/paths.ts';

export interface ExampleLine {
  from: 'host' | 'board';
  line: string;
}

export function protocolExamples(): ExampleLine[] {
  const file = path.join(appRoot(), '..', 'shared', 'pillar-protocol.md');
  let doc: string;
  try {
    doc = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the protocol contract is not at ${file}: the repo is checked out beside shared/, as CI does`);
  }
  const section = doc.slice(doc.indexOf('## Example session'));
  return [...section.matchAll(/^\s+(host|board)\s+(\$\S.*)$/gm)].map((m) => ({ from: m[1] as 'host' | 'board', line: m[2].trim() }));
}
