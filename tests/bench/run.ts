// `npm run bench [-- GROUP...]`: speed figures, one per line as `name value unit`. Measured,
// not asserted: a busy machine changes the numbers, never a test result.

import { rmSync } from 'node:fs';
import { endDescendants } from '../helpers/processes.ts';
import { temp } from './common.ts';
import { bigBundleFigures, fleetFigures, hubFigures, pillarScaleFigures, scaleFigures } from './hub.ts';
import { cliFigures, commitFigures, lossyFigures, ptyFigures, stickFigures } from './pillar.ts';
import { uiFigures } from './ui.ts';


/** `npm run bench [-- GROUP...]`: every group, or only the ones named. */
const groups: Record<string, () => Promise<void>> = { cli: cliFigures, scale: scaleFigures, 'pillar-scale': pillarScaleFigures, hub: hubFigures, 'big-bundle': bigBundleFigures, fleet: fleetFigures, stick: stickFigures, commit: commitFigures, pty: ptyFigures, lossy: lossyFigures, ui: uiFigures };
const named = process.argv.slice(2);
const unknown = named.filter((name) => !Object.hasOwn(groups, name));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench group ${unknown.join(', ')}; the groups: ${Object.keys(groups).join(', ')}\n`);
  process.exit(2);
}
// Whatever happens (a failure, Ctrl-C, a kill), no process the bench started outlives it.
const cleanUp = () => {
  const left = endDescendants();
  if (left.length > 0) process.stderr.write(`bench: ended ${left.length} process(es) it had started\n`);
  rmSync(temp, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}
try {
  for (const [name, run] of Object.entries(groups)) if (named.length === 0 || named.includes(name)) await run();
} finally {
  cleanUp();
}
