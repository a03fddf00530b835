// The test runner's own report (spec at a terminal, tap elsewhere, as node picks by default, so its
// closing lines `# pass N` / `ℹ pass N` stay for CI), then the ten slowest tests of the run.

import path from 'node:path';
import { Readable } from 'node:stream';
import { spec, tap, type TestEvent } from 'node:test/reporters';

interface Timed {
  name: string;
  file: string;
  ms: number;
}

/** The ten slowest tests, slowest first, as lines to print. */
function slowest(tests: Timed[]): string[] {
  const top = [...tests].sort((a, b) => b.ms - a.ms).slice(0, 10);
  return [`the ${top.length} slowest tests:`, ...top.map((t) => `${(t.ms / 1000).toFixed(2).padStart(8)} s  ${t.name}  (${t.file})`)];
}

export default async function* withSlowest(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const timed: Timed[] = [];
  async function* noting(): AsyncGenerator<TestEvent, void> {
    for await (const event of source) {
      if (event.type === 'test:pass' || event.type === 'test:fail') {
        const { data } = event;
        if (data.details.type !== 'suite' && !data.skip && !data.todo) {
          timed.push({ name: data.name, file: path.relative(process.cwd(), data.file ?? '?'), ms: data.details.duration_ms });
        }
      }
      yield event;
    }
  }
  const usual: AsyncIterable<string> = process.stdout.isTTY ? Readable.from(noting()).pipe(new spec()) : tap(noting());
  yield* usual;
  yield `${slowest(timed).join('\n')}\n`;
}
