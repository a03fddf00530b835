// The stand-alone pillar simulator: the board model on a serial port or pseudo-terminal,
// with faults switched by typed commands (`olifant pillar-sim --port PATH`, then `help`).

import { SerialPort } from 'serialport';
import { BoardModel, type BoardOptions } from './board-model.ts';
import { BAUD_RATE } from './serial-link.ts';

export const SIM_HELP = `commands (slot = 1-6):
  status                 stock, jams, gate, faults
  take                   a student takes the card in the gate
  presence 1|0           someone steps in front / leaves
  service 1|0            service door open / closed
  stock SLOT N           put N cards in a stack (0 = empty)
  jam SLOT | clear SLOT  jam a stack now / clear it
  jamnext SLOT           the next dispense from SLOT jams
  reboot                 restart the board now
  rebootnext             restart during the next dispense
  loss P | corrupt P     lose / damage lines both ways with chance P (0-1)
  delay MS               hold each line back by up to MS
  garbage N              send N random bytes
  silent 1|0             stop / resume answering (a hung board)
  unplug                 close the port (the host sees the cable go)
  quit`;

export interface SimulatorHandle {
  board: BoardModel;
  /** Runs one typed command; returns what to print. */
  command(line: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSimulator(path: string, options: BoardOptions = {}): Promise<SimulatorHandle> {
  const board = new BoardModel(options);
  const port = new SerialPort({ path, baudRate: BAUD_RATE, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  port.on('data', (chunk: Buffer) => board.receive(chunk));
  port.on('error', () => {});
  board.attach((line) => {
    if (port.isOpen) port.write(Buffer.from(line, 'latin1'));
  });
  const close = async () => {
    board.dispose();
    if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  };
  const slot = (s: string | undefined) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1 || n > board.slots) throw new Error(`slot must be 1-${board.slots}`);
    return n;
  };
  const chance = (s: string | undefined) => {
    const p = Number(s);
    if (!(p >= 0 && p <= 1)) throw new Error('chance must be from 0 to 1');
    return p;
  };
  const command = async (line: string): Promise<string> => {
    const [name, a, b] = line.trim().split(/\s+/);
    const f = board.faults;
    switch (name) {
      case '': return '';
      case 'help': return SIM_HELP;
      case 'status':
        return `stock ${board.stock.join(' ')} | states ${board.stock.map((_, i) => board.slotState(i + 1)).join(' ')} | gate ${board.gate} | led ${board.led.join(' ')} | cards dispensed ${board.dispensed.length}\n` +
          `faults: loss ${f.lossIn} corrupt ${f.corruptIn} delay ${f.delayMs}ms silent ${f.silent} jamnext [${[...f.jamNext].join(' ')}] rebootnext ${f.rebootNextDispense}`;
      case 'take': board.take(); return 'card taken';
      case 'presence': board.setPresence(a === '1'); return `presence ${a === '1' ? 1 : 0}`;
      case 'service': board.setService(a === '1'); return `service door ${a === '1' ? 'open' : 'closed'}`;
      case 'stock': board.setStock(slot(a), Math.max(0, Math.floor(Number(b) || 0))); return `slot ${a}: ${board.stock[slot(a) - 1]} cards`;
      case 'jam': board.jam(slot(a)); return `slot ${a} jammed`;
      case 'clear': board.clearJam(slot(a)); return `slot ${a} cleared`;
      case 'jamnext': f.jamNext.add(slot(a)); return `next dispense from slot ${a} jams`;
      case 'reboot': board.reboot(); return 'rebooted';
      case 'rebootnext': f.rebootNextDispense = true; return 'the next dispense reboots the board';
      case 'loss': f.lossIn = f.lossOut = chance(a); return `loss ${f.lossIn}`;
      case 'corrupt': f.corruptIn = f.corruptOut = chance(a); return `corrupt ${f.corruptIn}`;
      case 'delay': f.delayMs = Math.max(0, Number(a) || 0); return `delay up to ${f.delayMs} ms`;
      case 'garbage': board.garbage(Math.min(10_000_000, Math.max(0, Number(a) || 0))); return `sent ${a} random bytes`;
      case 'silent': f.silent = a === '1'; return f.silent ? 'board silent' : 'board answering';
      case 'unplug': await close(); return 'unplugged';
      default: throw new Error(`unknown command "${name}"; type help`);
    }
  };
  return { board, command, close };
}
