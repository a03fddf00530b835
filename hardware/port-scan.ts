// Looking for the board: its candidate ports, tried one by one, over and over until one is the
// board; a port that will not open is named with why, in words the crew can act on. What makes a
// port the board (it answers HELLO) is the driver's (driver.ts).

import { wait, type Clock } from '../time/clock.ts';
import type { Link, LinkHandlers, LinkSource, PillarLog } from './pillar.ts';

export interface PortScan {
  source: LinkSource;
  clock: Clock;
  log: PillarLog;
  /** Pause between two looks at the candidates. */
  rescanMs: number;
  /** The driver runs: stop looking when it stops. */
  running(): boolean;
  /** A board was found. */
  connected(): boolean;
  /** Opens `name` and asks whether it is the board; one that cannot be opened is named in `unopened`, with why. */
  probe(name: string, unopened: string[]): Promise<boolean>;
  /** What the operator is told while no board is found. */
  problem(text: string): void;
}

/** Tries the candidate ports until one is the board or the driver stops, pausing between two rounds. */
export async function scanPorts(scan: PortScan): Promise<void> {
  while (scan.running() && !scan.connected()) {
    let names: string[] = [];
    try {
      names = await scan.source.candidates();
    } catch (error) {
      scan.log('warn', `could not list serial ports: ${(error as Error).message}`);
    }
    const unopened: string[] = [];
    for (const name of names) {
      if (!scan.running() || (await scan.probe(name, unopened))) break;
    }
    if (scan.running() && !scan.connected()) {
      if (names.length === 0) scan.problem('No pillar controller found. Check that its USB cable is plugged in; the kiosk keeps looking.');
      else if (unopened.length === names.length) scan.problem(`The pillar controller's port cannot be opened: ${unopened.join('; ')}. The kiosk keeps trying.`);
      await wait(scan.clock, scan.rescanMs);
    }
  }
}

/** Opens port `name`; one that cannot be opened is logged and named in `unopened`, with why, and gives null. */
export async function openPort(source: LinkSource, name: string, handlers: LinkHandlers, log: PillarLog, unopened: string[]): Promise<Link | null> {
  try {
    return await source.open(name, handlers);
  } catch (error) {
    const why = `${name}: ${portTrouble(error as Error)}`;
    log('warn', `could not open ${why}`);
    unopened.push(why);
    return null;
  }
}

/** Why a serial port would not open, in words the crew can act on. */
function portTrouble(error: Error): string {
  const said = `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`;
  if (/EACCES|permission denied/i.test(said)) return 'no permission to use it (install the udev rule from hardware/linux, or add this user to the dialout group)';
  if (/EBUSY|busy|lock/i.test(said)) return 'another program is using it; close that program';
  if (/ENOENT|no such file/i.test(said)) return 'it is gone; check the USB cable';
  return error.message;
}
