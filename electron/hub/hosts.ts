// Which requests are for this hub at all. A browser page on another site can point its own
// name at 127.0.0.1 (DNS rebinding) and so reach a hub that trusts whoever is on this
// machine: a request whose Host is not one of the hub's own names or addresses is refused
// (421). And a request that changes something is refused (403) when the browser says it
// comes from another site (Origin, Sec-Fetch-Site). Pillars send neither header.

import os from 'node:os';

/** The names and addresses a hub answers to: loopback, this machine's, the one it listens on, and those the organiser names. */
export class OwnHosts {
  private readonly named: Set<string>;
  private addresses = new Set<string>();

  constructor(listenHost: string | undefined, publicHosts: readonly string[]) {
    const hostname = os.hostname().toLowerCase();
    this.named = new Set(['localhost', '127.0.0.1', '[::1]', hostname, `${hostname}.local`, ...publicHosts.map((h) => h.toLowerCase())]);
    if (listenHost) this.named.add(bracketed(listenHost.toLowerCase()));
    this.readAddresses();
  }

  /** Whether a Host header's name (without its port) is this hub's. */
  has(hostHeader: string | undefined): boolean {
    const name = hostName(hostHeader);
    if (name === null) return false;
    if (this.named.has(name) || this.addresses.has(name)) return true;
    // An address given since the start (a new network): looked up again only for an address.
    if (!/^[\d.]+$|^\[[\da-f:.]+\]$/.test(name)) return false;
    this.readAddresses();
    return this.addresses.has(name);
  }

  list(): string[] {
    return [...this.named];
  }

  private readAddresses(): void {
    this.addresses = new Set(Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((a) => bracketed(a.address.toLowerCase().replace(/%.*$/, '')))));
  }
}

const bracketed = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** The name of a Host header (`hub.example:8750` → `hub.example`, `[::1]:8750` → `[::1]`), lower-case; null when it is not a host. */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  try {
    const url = new URL(`http://${hostHeader}`);
    return url.host === hostHeader.toLowerCase() || url.host === hostHeader.toLowerCase().replace(/:80$/, '') ? url.hostname : null;
  } catch {
    return null;
  }
}

/** Why a request that changes something comes from another site, or null when it does not. */
export function crossSite(method: string, headers: { origin?: string; 'sec-fetch-site'?: string | string[] }, hostHeader: string | undefined): string | null {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `the browser says this request comes from another site (Sec-Fetch-Site: ${String(site)})`;
  const origin = headers.origin;
  if (origin === undefined) return null;
  let host: string | null;
  try {
    host = origin === 'null' ? null : new URL(origin).host;
  } catch {
    host = null;
  }
  return host !== null && host === hostHeader?.toLowerCase() ? null : `the request comes from another site (Origin: ${origin})`;
}
