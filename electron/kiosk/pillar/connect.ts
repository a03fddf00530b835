// Which pillar the kiosk talks to: the real controller board, searched for on the serial
// ports for as long as it takes, or the simulated board, only when asked for. A kiosk
// never swaps in the simulator by itself: students would be promised cards that never come.

import { BoardModel, type BoardOptions } from '../../../hardware/board-model.ts';
import { PillarDriver } from '../../../hardware/driver.ts';
import { BoardLinkSource } from '../../../hardware/memory-link.ts';
import { serialLinkSource } from '../../../hardware/serial-link.ts';
import type { Clock } from '../../../time/clock.ts';
import type { Logger } from '../../platform/log.ts';

export interface PillarChoice {
  simulated: boolean;
  /** A fixed serial port; null searches the USB serial ports. */
  port: string | null;
  /** Where to look for boards; tests hand in pseudo-terminals. */
  listPorts?: () => Promise<string[]>;
  /** Options for the simulated board. */
  board?: BoardOptions;
  /** What the driver (and the simulated board) time on. */
  clock: Clock;
}

export interface ConnectedPillar {
  pillar: PillarDriver;
  /** The simulated board, when the pillar is simulated. */
  board: BoardModel | null;
}

export function connectPillar(choice: PillarChoice, log: Logger): ConnectedPillar {
  const board = choice.simulated ? new BoardModel({ clock: choice.clock, ...choice.board }) : null;
  const source = board ? new BoardLinkSource(board) : serialLinkSource({ path: choice.port, listPorts: choice.listPorts });
  const pillar = new PillarDriver(source, { log, clock: choice.clock });
  pillar.start();
  log(
    board ? 'warn' : 'info',
    board
      ? 'running with the SIMULATED pillar: no real cards come out. Start without --pillar simulated to use the controller board.'
      : `looking for the pillar controller ${choice.port ? `on ${choice.port}` : 'on the USB serial ports'}`,
  );
  return { pillar, board };
}
