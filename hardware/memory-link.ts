// An in-memory link to a BoardModel: the simulated pillar runs in-process through the
// very same driver and protocol as the real board, only without a serial port.

import type { BoardModel } from './board-model.ts';
import type { Link, LinkHandlers, LinkSource } from './pillar.ts';

export const SIMULATED = 'simulated';

export class BoardLinkSource implements LinkSource {
  private current: { handlers: LinkHandlers; open: boolean } | null = null;
  readonly board: BoardModel;

  constructor(board: BoardModel) {
    this.board = board;
  }

  async candidates(): Promise<string[]> {
    return [SIMULATED];
  }

  async open(name: string, handlers: LinkHandlers): Promise<Link> {
    const end = { handlers, open: true };
    this.current = end;
    // Bytes cross asynchronously, as they would on a wire.
    this.board.attach((line) => setImmediate(() => end.open && handlers.data(line)));
    return {
      name,
      write: (data) => setImmediate(() => end.open && this.board.receive(data)),
      close: async () => this.drop(end, 'closed by the host'),
    };
  }

  /** Simulates a pulled cable. */
  unplug(): void {
    if (this.current) this.drop(this.current, 'cable unplugged');
  }

  private drop(end: { handlers: LinkHandlers; open: boolean }, reason: string): void {
    if (!end.open) return;
    end.open = false;
    this.board.detach();
    end.handlers.closed(reason);
  }
}
