// The student journey in Chromium with the kiosk driving the stand-alone simulator
// (`olifant pillar-sim`, its own process) over a real pseudo-terminal pair: the right
// cards come out, and a jam and a pulled cable mid-journey are not dead ends.

import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { launchChromium, openKiosk, readQuestion, settled } from '../helpers/browser.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { ptyPair, type PtyPair } from '../helpers/pty.ts';
import { tempDir, until } from '../helpers/tmp.ts';
import { CLI } from '../helpers/cli.ts';


class SimProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private out = '';

  constructor(port: string) {
    this.child = spawn(process.execPath, [CLI, 'pillar-sim', '--port', port, '--dispense-ms', '100', '--stock', '20', '--manual-take'], { stdio: 'pipe' });
    this.child.stdout.on('data', (c: Buffer) => (this.out += c.toString()));
  }

  async ready(): Promise<void> {
    await until(() => this.out.includes('simulated pillar on'), 'the simulator to start');
  }

  /** Types a command and returns what the simulator printed for it. */
  async command(line: string): Promise<string> {
    const start = this.out.length;
    this.child.stdin.write(`${line}\n`);
    await until(() => this.out.length > start && this.out.endsWith('\n'), `the simulator to answer "${line}"`);
    return this.out.slice(start);
  }

  async stock(): Promise<number[]> {
    const status = await this.command('status');
    return status.match(/^stock ([\d ]+)/m)![1].trim().split(' ').map(Number);
  }

  stop(): Promise<unknown> {
    this.child.kill('SIGTERM');
    return new Promise((r) => (this.child.exitCode !== null ? r(null) : this.child.on('exit', r)));
  }
}

test('the journey drives the stand-alone simulator over a pty, through a jam and a pulled cable', { timeout: 120_000 }, async () => {
  const dir = tempDir('olifant-pty-');
  const host = path.join(dir, 'ttyACM0');
  const boardEnd = path.join(dir, 'board');
  let pty: PtyPair = await ptyPair(host, boardEnd);
  let sim = new SimProcess(boardEnd);
  // Cleaned up even when a step below fails: a live socat or simulator would keep the test process running.
  after(async () => {
    await sim.stop();
    await pty.unplug();
  });
  await sim.ready();
  const kiosk = await startKiosk({ pillar: 'auto', listPorts: async () => [host].filter((p) => existsSync(p)) });
  const browser = await launchChromium();
  after(() => browser.close());
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the kiosk to find the simulator');

  const page = await openKiosk(browser, kiosk.url, { viewport: { width: 540, height: 960 } });
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  const answer = async (card: RegExp, option: string) => {
    await page.getByRole('button', { name: card }).click();
    await readQuestion(page);
    await page.getByRole('button', { name: option, exact: true }).click();
  };
  const next = async () => {
    await settled(page);
    await page.getByRole('button', { name: 'Nog een vraag' }).click();
  };

  await answer(/^Vraag 1/, '3');
  await page.getByText('Pak je kaart uit de olifant').waitFor();
  // The student takes the card once the screen says it is there (the simulator's own hand would be a timer).
  await sim.command('take');
  await page.getByText('Top! Neem je kaart mee').waitFor();
  assert.deepEqual(await sim.stock(), [19, 20, 20, 20, 20, 20]);
  await next();

  await sim.command('jamnext 2');
  await answer(/^Vraag 2/, 'Weet ik niet');
  await page.getByText('De kaart blijft steken, sorry!').waitFor();
  await until(() => kiosk.app.pillar.status().slots[1] === 'JAM', 'the operator status to show the jam');
  await next();

  await pty.unplug();
  await sim.stop();
  await until(() => kiosk.app.pillar.status().link === 'connecting', 'the kiosk to notice the pulled cable');
  await answer(/^Vraag 3/, 'Ik lach mee');
  await page.getByText('Er komt nu geen kaart').waitFor();
  assert.match(kiosk.app.pillar.status().problem ?? '', /USB cable/);
  await next();

  pty = await ptyPair(host, boardEnd);
  sim = new SimProcess(boardEnd);
  await sim.ready();
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the kiosk to reconnect');
  await answer(/^Vraag 4/, '5 Helemaal eens');
  await page.getByText('Pak je kaart uit de olifant').waitFor();
  assert.deepEqual(await sim.stock(), [20, 20, 20, 19, 20, 20]);

  const stored = [...kiosk.app.store.all()].map((r) => r.question_id).sort();
  assert.deepEqual(stored, ['grap-over-afkomst', 'naam-op-cv', 'past-in-het-team', 'promotie-beste-werk'], 'every answer recorded, card or no card');
  assert.ok(kiosk.logs.some((l) => /lost the pillar controller/.test(l)) && kiosk.logs.some((l) => /dispense from slot 2 failed: JAM/.test(l)));
});
