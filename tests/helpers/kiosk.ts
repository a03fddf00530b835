// The whole kiosk (services + HTTP server) in the test process, on a real data folder.

import { after } from 'node:test';
import { createKiosk, type Kiosk, type KioskOptions } from '../../electron/kiosk/services.ts';
import { startServer } from '../../electron/kiosk/carriers/http.ts';
import { dataDir } from './tmp.ts';

export interface TestKiosk {
  app: Kiosk;
  url: string;
  logs: string[];
}

export async function startKiosk(options: KioskOptions & { settings?: Record<string, unknown> } = {}): Promise<TestKiosk> {
  const logs: string[] = [];
  const app = await createKiosk({
    dataDir: options.dataDir ?? dataDir(options.settings),
    pillar: 'simulated',
    log: (level, message) => logs.push(`${level} ${message}`),
    ...options,
  });
  const server = await startServer(app);
  after(async () => {
    await server.close();
    await app.close();
  });
  return { app, url: server.url, logs };
}
