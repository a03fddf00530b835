// `olifant operator pin`: the crew's PIN for the PIN pad, read from stdin; only its salted
// hash is kept, in settings.json.

import path from 'node:path';
import { createInterface } from 'node:readline';
import { hashPin } from '../kiosk/operator/pin.ts';
import { SettingsStore } from '../kiosk/settings/settings.ts';
import { createLogger } from '../platform/log.ts';
import { dataDirFrom } from './kiosk-args.ts';

/** The lines typed (or piped) on stdin, each asked for on a terminal. */
async function readLines(questions: string[]): Promise<string[]> {
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: process.stdin.isTTY });
  const answers: string[] = [];
  try {
    for (const question of process.stdin.isTTY ? questions : questions.slice(0, 1)) answers.push(await new Promise<string>((resolve) => rl.question(question, resolve)));
  } finally {
    rl.close();
  }
  return answers.map((a) => a.trim());
}

export async function operatorPin(values: { clear?: boolean; dataDir?: string }): Promise<void> {
  const dataDir = dataDirFrom(values.dataDir);
  const settings = new SettingsStore(dataDir, createLogger(path.join(dataDir, 'olifant.log'), false));
  try {
    if (values.clear) {
      settings.update({ operatorPin: null });
      process.stdout.write('the PIN is removed: only the service door opens the service screen now\n');
      return;
    }
    const [pin, again = pin] = await readLines(['New PIN (5 to 12 digits): ', 'The same PIN again: ']);
    if (pin !== again) throw new Error('the two PINs differ; nothing changed');
    settings.update({ operatorPin: hashPin(pin) });
    process.stdout.write('the PIN is set; a running kiosk takes it within a few seconds\n');
  } finally {
    settings.close();
  }
}
