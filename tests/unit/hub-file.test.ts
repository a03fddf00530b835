// A hub's settings on a USB stick (olifant-hub/<pillar id>.json): this pillar's are offered; a
// file that is there but cannot be used is not offered, and the log says why; none, nothing said.
// A real folder stands in for the stick.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { hubFileOn, readHubFile } from '../../electron/kiosk/sync/hub-file.ts';
import { tempDir } from '../helpers/tmp.ts';

const TOKEN = 'a'.repeat(43);

test("the hub's settings on a stick: offered when whole, a damaged file said in the log, none said nothing", () => {
  const drive = tempDir('olifant-usb-');
  const logged: string[] = [];
  const log = (_level: string, message: string) => void logged.push(message);
  assert.equal(readHubFile(drive, 'pillar-a', log), null);
  assert.deepEqual(logged, [], 'no file: nothing to say');

  mkdirSync(path.dirname(hubFileOn(drive, 'pillar-a')), { recursive: true });
  writeFileSync(hubFileOn(drive, 'pillar-a'), JSON.stringify({ hubUrl: 'https://hub.olifant-tour.nl', hubToken: TOKEN }));
  assert.deepEqual(readHubFile(drive, 'pillar-a', log), { hubUrl: 'https://hub.olifant-tour.nl', hubToken: TOKEN });

  writeFileSync(hubFileOn(drive, 'pillar-a'), '{"hubUrl": "https://hub.olifant-tour.nl", "hubTo');
  assert.equal(readHubFile(drive, 'pillar-a', log), null);
  writeFileSync(hubFileOn(drive, 'pillar-a'), JSON.stringify({ hubUrl: 'https://hub.olifant-tour.nl' }));
  assert.equal(readHubFile(drive, 'pillar-a', log), null);
  assert.equal(logged.length, 2, logged.join('\n'));
  assert.match(logged[0], /olifant-hub\/pillar-a\.json\) are not offered: .*JSON/);
  assert.match(logged[1], /are not offered: the file .*hubToken/);
});
