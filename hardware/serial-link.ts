// Links over real serial ports (USB CDC on the pillar; pseudo-terminals in tests).

import { SerialPort } from 'serialport';
import type { Link, LinkHandlers, LinkSource } from './pillar.ts';

export const BAUD_RATE = 115200;

/** USB serial ports, the pillar's own (manufacturer `Olifant`) first. Never lists pseudo-terminals. */
export async function listUsbSerialPorts(): Promise<string[]> {
  const ports = await SerialPort.list();
  const usb = ports.filter((p) => p.vendorId || p.manufacturer);
  const ours = (p: (typeof ports)[number]) => (p.manufacturer === 'Olifant' ? 0 : 1);
  return usb.sort((a, b) => ours(a) - ours(b)).map((p) => p.path);
}

export function openSerialLink(path: string, handlers: LinkHandlers): Promise<Link> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: BAUD_RATE, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, autoOpen: false });
    let open = false;
    const gone = (reason: string) => {
      if (!open) return;
      open = false;
      handlers.closed(reason);
    };
    port.on('data', (chunk: Buffer) => handlers.data(chunk));
    port.on('close', (error?: Error & { disconnected?: boolean }) => gone(error?.disconnected ? 'the device was unplugged' : 'the port was closed'));
    port.on('error', (error: Error) => gone(error.message));
    port.open((error) => {
      if (error) return reject(error);
      open = true;
      resolve({
        name: path,
        write: (data) => {
          if (open) port.write(data, 'latin1', (err) => err && gone(err.message));
        },
        close: () =>
          new Promise<void>((done) => {
            open = false;
            if (!port.isOpen) return done();
            port.close(() => done());
          }),
      });
    });
  });
}

export interface SerialSourceOptions {
  /** A fixed port (`--pillar-port` or the settings file): only that one is tried. */
  path?: string | null;
  /** Where candidate ports come from; tests hand in pseudo-terminals here. */
  listPorts?: () => Promise<string[]>;
}

export function serialLinkSource(options: SerialSourceOptions = {}): LinkSource {
  const list = options.listPorts ?? listUsbSerialPorts;
  return {
    candidates: async () => (options.path ? [options.path] : list()),
    open: openSerialLink,
  };
}
