// Loaded into each test file's process by `npm test` (`--import`), before its tests: node's
// coverage measures that process, and not the processes and threads it starts (a hub, `olifant
// serve`, a command, the hub's reader threads). Node hands the coverage folder on to them in
// NODE_V8_COVERAGE; measuring them, each a report of every script it ran, took a fifth of the
// run's work (about 40 s of `npm test` on two cores). Their code is measured where tests run it
// in their own process; tests/reporters/coverage.ts names what only those processes run.

delete process.env.NODE_V8_COVERAGE;
