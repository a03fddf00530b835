// What the kiosk serves besides the built UI's files (platform/renderer-files.ts): the policy
// of the page the operator's pack preview frames, and the out-of-order page. Used by
// Electron's app:// protocol and by the HTTP server.

import path from 'node:path';
import { LAYOUT_AUDIT_PAGE } from '../../api/operator.ts';
import { CONTENT_SECURITY_POLICY, mimeType, rendererDir } from '../../platform/renderer-files.ts';

/** The policy for a served file: the layout audit's page alone may be framed, by the kiosk's own pages (the operator's pack preview). */
export function policyFor(file: string, root = rendererDir()): string {
  return file === path.join(root, LAYOUT_AUDIT_PAGE, 'index.html') ? CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'") : CONTENT_SECURITY_POLICY;
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
  if (urlPath === OUT_OF_ORDER_CSS_PATH) return { status: 200, type: mimeType(OUT_OF_ORDER_CSS_PATH), body: OUT_OF_ORDER_CSS };
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
  return { status: 503, type: mimeType('index.html'), body };
}
