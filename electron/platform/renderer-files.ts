// Which file of the built UI answers a URL path (or an asset the caller names), with its type
// and the policy it is served with: for the kiosk's Electron protocol and HTTP server and for
// the hub's presenter page alike.

import { statSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from './paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Served with every page: only the app's own files, no inline scripts, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The kiosk window's page, served at `/`; the operator's at `/operator/` (a folder's index.html). */
const KIOSK_PAGE = path.join('kiosk', 'index.html');

/** The built UI (vite's output). */
export const rendererDir = (): string => path.join(appRoot(), 'dist', 'renderer');

export function mimeType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file for a URL path such as `/`, `/assets/index-abc.js` or `/pack-assets/assets/x.webp`; null if none. */
export function resolveStatic(urlPath: string, assetFile: (path: string) => string | null, root = rendererDir()): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null;
  }
  // No file name holds a NUL (the file system would refuse it with an error, not a "no such file").
  if (rel.includes('\0')) return null;
  const asset = assetFile(rel);
  if (asset) return asset;
  const file = path.resolve(root, rel === '' ? KIOSK_PAGE : rel.endsWith('/') ? `${rel}index.html` : rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}
