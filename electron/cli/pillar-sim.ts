// `olifant pillar-sim`: a simulated controller board on a serial port or pseudo-terminal,
// driven by lines typed on stdin (`help` lists them; `quit` ends it).

import { createInterface } from 'node:readline';
import { startSimulator } from '../../hardware/simulator.ts';

export async function pillarSim(values: { port: string; dispenseMs: string; stock: string; manualTake?: boolean }): Promise<void> {
  const stock = Number(values.stock);
  const sim = await startSimulator(values.port, {
    dispenseMs: Number(values.dispenseMs),
    stock: Array.from({ length: 6 }, () => stock),
    autoTakeMs: values.manualTake ? null : 2000,
  });
  process.stdout.write(`simulated pillar on ${values.port}; type help for commands\n`);
  const rl = createInterface({ input: process.stdin, terminal: false });
  const quit = async () => {
    await sim.close();
    process.exit(0);
  };
  rl.on('line', async (line) => {
    if (line.trim() === 'quit') return quit();
    try {
      const out = await sim.command(line);
      if (out) process.stdout.write(out + '\n');
    } catch (error) {
      process.stdout.write(`${(error as Error).message}\n`);
    }
  });
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
