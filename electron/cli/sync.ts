// `olifant sync now` and `olifant sync status`: what waits on a pillar to reach the hub.

import path from 'node:path';
import { AnswerStore } from '../kiosk/answers/store.ts';
import { SettingsStore } from '../kiosk/settings/settings.ts';
import { Outbox } from '../kiosk/sync/outbox.ts';
import { SyncSender } from '../kiosk/sync/sender.ts';
import { createLogger } from '../platform/log.ts';
import { dataDirFrom } from './kiosk-args.ts';

/** `now`: sends at once and says what happened (a problem left is an error: exit 1); `status`: the sync's facts as JSON. */
export async function sync(action: 'now' | 'status', values: { dataDir?: string }): Promise<void> {
  const dataDir = dataDirFrom(values.dataDir);
  const log = createLogger(path.join(dataDir, 'olifant.log'), false);
  const settings = new SettingsStore(dataDir, log);
  const store = new AnswerStore(path.join(dataDir, 'answers.sqlite'));
  try {
    const sender = new SyncSender({ outbox: new Outbox(store), settings: () => settings.current(), log, statusFile: path.join(dataDir, 'sync-status.json') });
    if (action === 'status') {
      process.stdout.write(`${JSON.stringify(sender.status())}\n`);
      return;
    }
    const { sent, problem } = await sender.send();
    process.stdout.write(`sent ${sent.answers} answer(s), ${sent.venues} venue visit(s), ${sent.packs} pack(s)\n`);
    if (problem) throw new Error(problem);
  } finally {
    store.close();
    settings.close();
  }
}
