// Installs a pack into a store and kills itself with SIGKILL at the named step: a power cut
// in the middle of an install. Arguments: STORE_DIR DRIVE STEP PUBLIC_KEY.

import { loadBundledPack } from '../../electron/kiosk/packs/bundled.ts';
import { PackStore } from '../../electron/kiosk/packs/store.ts';

const [dir, drive, step, key] = process.argv.slice(2);
const packs = new PackStore({ dir, bundled: await loadBundledPack(), trust: () => ({ trustedKeys: [key], allowUnsigned: false }), log: () => {} });
await packs.refresh();
await packs.install(drive, { onStep: (at) => at === step && process.kill(process.pid, 'SIGKILL') });
