// Which file answers a URL path of the kiosk UI: the built renderer, or an asset of the
// active content pack. Used by Electron's app:// protocol and by the HTTP server.

import { statSync } from 'node:fs';
import path from 'node:path';
import { LAYOUT_AUDIT_PAGE } from '../api/operator.ts';
import { appRoot } from '../core/platform/paths.ts';

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

/** The policy for a served file: the layout audit's page alone may be framed, by the kiosk's own pages (the operator's pack preview). */
export function policyFor(file: string, root = rendererDir()): string {
  return file === path.join(root, LAYOUT_AUDIT_PAGE, 'index.html') ? CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'") : CONTENT_SECURITY_POLICY;
}

/** The kiosk window's page, served at `/`; the operator's at `/operator/` (a folder's index.html). */
const KIOSK_PAGE = path.join('kiosk', 'index.html');

const rendererDir = (): string => path.join(appRoot(), 'dist', 'renderer');

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

/** The out-of-order page's style sheet, at this path: the policy allows no inline style. */
const OUT_OF_ORDER_CSS_PATH = '/out-of-order.css';

const OUT_OF_ORDER_CSS = `html { height: 100%; background: #2b1740; color: #fff; font: 24px/1.4 system-ui, sans-serif; }
body { margin: 0; min-height: 100%; display: flex; align-items: center; justify-content: center; }
main { max-width: 85vw; padding: 2rem; text-align: center; }
h1 { font-size: 3rem; margin: 0; }
.en { font-size: 2.2rem; font-weight: bold; margin: 0.5rem 0 4rem; opacity: 0.85; }
.crew { font-size: 1.1rem; text-align: left; border-top: 1px solid #fff6; padding-top: 1rem; overflow-wrap: anywhere; }
.crew h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What the kiosk serves at every path when it cannot start: a page saying the pillar is out
 * of order (in Dutch and English) and, for the crew, why; no script, its style from 'self'.
 */
export function outOfOrderResponse(urlPath: string, reason: string): { status: number; type: string; body: string } {
  if (urlPath === OUT_OF_ORDER_CSS_PATH) return { status: 200, type: TYPES['.css'], body: OUT_OF_ORDER_CSS };
  const body = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Buiten gebruik / Out of order</title>
<link rel="stylesheet" href="${OUT_OF_ORDER_CSS_PATH}">
</head>
<body>
<main>
<h1>Deze zuil is even buiten gebruik</h1>
<p class="en" lang="en">This pillar is out of order</p>
<section class="crew" lang="en">
<h2>Voor de crew / For the crew</h2>
<p>${escapeHtml(reason)}</p>
</section>
</main>
</body>
</html>
`;
  return { status: 503, type: TYPES['.html'], body };
}
