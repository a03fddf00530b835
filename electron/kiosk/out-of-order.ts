// When the kiosk cannot start (a StartupError), the pillar still says so: the carriers
// show the out-of-order page with the reason, and the LED ring stays solid red.

import type { BoardModel } from '../../hardware/board-model.ts';
import { systemClock } from '../../time/clock.ts';
import type { KioskOptions } from './services.ts';
import { connectPillar } from './pillar/connect.ts';
import type { Logger } from '../platform/log.ts';

export interface OutOfOrder {
  /** The simulated board, when the pillar is simulated. */
  board: BoardModel | null;
  close(): Promise<void>;
}

/** Connects the pillar only to turn its LED ring solid red, whenever it connects. */
export function showOutOfOrder(options: KioskOptions, log: Logger): OutOfOrder {
  const { pillar, board } = connectPillar(
    { simulated: options.pillar === 'simulated', port: options.pillarPort ?? null, listPorts: options.listPorts, board: options.simulatedBoard, clock: options.clock ?? systemClock },
    log,
  );
  // The driver sets the ring to the last colour asked for after every (re)connect and board restart.
  void pillar.led('SOLID', [200, 30, 30]);
  return {
    board,
    close: async () => {
      await pillar.stop();
      board?.dispose();
    },
  };
}
