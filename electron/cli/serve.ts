// `olifant serve`: the kiosk's UI and its services on 127.0.0.1, the URL printed.

import { serveKiosk } from '../kiosk/carriers/http.ts';
import { kioskArgsFrom, type KioskValues } from './kiosk-args.ts';

export async function serve(values: KioskValues): Promise<void> {
  const { options, port } = kioskArgsFrom(values);
  const { server } = await serveKiosk(options, port);
  process.stdout.write(`${server.url}\n`);
}
