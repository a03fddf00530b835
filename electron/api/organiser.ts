// The tour organiser's API on the hub, on the hub's own machine: how the hub itself is doing.
// Types only.

export interface HubHealth {
  /** How late the hub's event loop ran since the last look (ms): batches wait at least this long. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** The hub's resident memory, its reader threads included. */
  residentBytes: number;
  /** Reader threads running (the lecturer's reads). */
  readerThreads: number;
}
