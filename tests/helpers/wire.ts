// The board model on the far end of a real pseudo-terminal pair, its bytes counted both ways, and
// a clock that the driver and the board share. The test moves that clock only while nothing is on
// the wire: a repeat then always means a line was lost or damaged, never that the machine was
// slow, and the protocol's own timings (300 ms repeats, 3 s dispenses) take no time at all.
// The board speaks only to an open end, so every byte counted going out is a byte that arrives.

import { SerialPort } from 'serialport';
import { BoardModel, type BoardOptions } from '../../hardware/board-model.ts';
import type { Link, LinkSource } from '../../hardware/pillar.ts';
import { BAUD_RATE, serialLinkSource } from '../../hardware/serial-link.ts';
import { TestClock } from './clock.ts';

/** Bytes one way: written, and arrived at the other end. */
interface Way {
  sent: number;
  got: number;
}

export interface Wired {
  board: BoardModel;
  clock: TestClock;
  /** Where the driver finds the host's end; every byte it writes and hears is counted. */
  source: LinkSource;
  /** Lets the clock run, only while the wire is quiet, until `work` is done. */
  drive<T>(work: Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function wiredBoard(host: string, boardEnd: string, options: BoardOptions = {}): Promise<Wired> {
  const clock = new TestClock();
  const board = new BoardModel({ ...options, clock });
  const toBoard: Way = { sent: 0, got: 0 };
  const toHost: Way = { sent: 0, got: 0 };
  /** Ports of the host's end being opened or closed: the computer's own time, as bytes on the wire are. */
  let busy = 0;
  /**
   * The host's link that hears the board (0: none), the only one whose bytes count. What the board
   * says while no open end hears it is dropped here, never written: a pty keeps some of it for the
   * next opening and loses the rest, as the machine's load decides, and bytes that may or may not
   * come can be neither waited for nor written off.
   */
  let hearing = 0;
  /** More bytes arrived than were sent: the count can no longer tell a quiet wire, and the test stops on it. */
  let miscount: Error | null = null;
  const quiet = () => !miscount && busy === 0 && toBoard.got >= toBoard.sent && toHost.got >= toHost.sent;
  let waiting: Array<() => void> = [];
  const settled = () => {
    if (!quiet() && !miscount) return;
    const ready = waiting;
    waiting = [];
    for (const resolve of ready) resolve();
  };
  const heard = (way: Way, to: string, bytes: number) => {
    way.got += bytes;
    if (way.got > way.sent) miscount ??= new Error(`${way.got - way.sent} more byte(s) reached the ${to} than were sent to it: the wire's count is wrong, and the clock would run while bytes are on their way`);
    settled();
  };
  /** The host's end stops hearing (it closes, or another is opened): what the board said to it and is still on its way is written off; what the host said still arrives. */
  const deaf = () => {
    hearing = 0;
    toHost.got = toHost.sent;
    settled();
  };
  const whenQuiet = () => (quiet() || miscount ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));

  const port = new SerialPort({ path: boardEnd, baudRate: BAUD_RATE, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  port.on('data', (chunk: Buffer) => {
    board.receive(chunk);
    heard(toBoard, 'board', chunk.length);
  });
  board.attach((line) => {
    if (!hearing) return;
    toHost.sent += line.length;
    port.write(Buffer.from(line, 'latin1'));
  });

  const serial = serialLinkSource({ listPorts: async () => [host] });
  /** The host's links, numbered: what an older one does no longer counts. */
  let links = 0;
  const source: LinkSource = {
    candidates: () => serial.candidates(),
    open: async (name, handlers) => {
      const id = ++links;
      busy++;
      deaf();
      const opening = serial.open(name, {
        data: (chunk) => {
          handlers.data(chunk);
          if (id === hearing) heard(toHost, 'host', chunk.length);
        },
        closed: (reason) => {
          handlers.closed(reason);
          if (id === hearing) deaf();
        },
      });
      let link: Link;
      try {
        link = await opening;
        if (id === links) hearing = id;
      } finally {
        busy--;
        settled();
      }
      return {
        name: link.name,
        write: (data) => {
          toBoard.sent += data.length;
          link.write(data);
        },
        close: async () => {
          busy++;
          if (id === hearing) deaf();
          await link.close().finally(() => {
            busy--;
            settled();
          });
        },
      };
    },
  };

  const drive = async <T>(work: Promise<T>): Promise<T> => {
    let done: { value: T } | { error: unknown } | null = null;
    work.then((value) => (done = { value }), (error: unknown) => (done = { error }));
    while (done === null) {
      await whenQuiet();
      if (miscount) throw miscount;
      await clock.runUntil(() => done !== null || !quiet(), 'the driver to be done, or a byte on the wire');
    }
    const outcome = done as { value: T } | { error: unknown };
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };

  return {
    board, clock, source, drive,
    close: async () => {
      board.dispose();
      clock.stop();
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    },
  };
}
