// Framing of the pillar controller protocol (../shared/pillar-protocol.md, version 1):
// every message is one ASCII line `$<body>*<XX>\r\n`, XX being the NMEA 0183 checksum
// of the body. Used by both sides: the host driver and the board simulator.

export const MAX_BODY = 120;
/** Longest line a receiver keeps buffering before it gives up on it: `$` + body + `*XX\r`. */
const MAX_LINE = MAX_BODY + 5;

export type FrameError = 'NOSTAR' | 'CHECKSUM' | 'TOOLONG' | 'BADCHAR';

export type Decoded = { ok: true; fields: string[] } | { ok: false; reason: FrameError };

export function checksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

function isPrintable(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** Makes a field safe to send: printable ASCII without the framing characters `$`, `*` and `,`. */
export function cleanField(text: string): string {
  return text.replace(/[^\x20-\x7e]|[$*,]/g, ' ');
}

export function encodeFrame(fields: ReadonlyArray<string | number>): string {
  const body = fields.map((f) => String(f)).join(',');
  if (body.length > MAX_BODY) throw new Error(`message body is ${body.length} bytes, the limit is ${MAX_BODY}`);
  if (!isPrintable(body) || /[$*]/.test(body)) throw new Error(`message body has characters the protocol does not allow: ${JSON.stringify(body)}`);
  return `$${body}*${checksum(body)}\r\n`;
}

/** Checks one line (without its terminator) that starts at `$`. */
export function decodeLine(line: string): Decoded {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const star = text.lastIndexOf('*');
  if (star < 0) return { ok: false, reason: 'NOSTAR' };
  const body = text.slice(1, star);
  const sum = text.slice(star + 1);
  if (body.length > MAX_BODY) return { ok: false, reason: 'TOOLONG' };
  if (!isPrintable(body) || body.includes('*')) return { ok: false, reason: 'BADCHAR' };
  if (sum !== checksum(body)) return { ok: false, reason: 'CHECKSUM' };
  return { ok: true, fields: body.split(',') };
}

/**
 * Turns a byte stream into frames. Skips bytes before `$`; a `$` inside a line starts the
 * line again (the earlier start was noise: `$` never appears inside a body); a line that
 * grows past the longest legal frame without a terminator is dropped as too long.
 * Memory stays bounded whatever arrives.
 */
export class FrameDecoder {
  private line: string | null = null;
  private overflowed = false;

  push(chunk: Uint8Array | string): Decoded[] {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    const out: Decoded[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '$') {
        this.line = '$';
        this.overflowed = false;
      } else if (this.line === null) {
        continue;
      } else if (ch === '\n') {
        out.push(this.overflowed ? { ok: false, reason: 'TOOLONG' } : decodeLine(this.line));
        this.line = null;
      } else if (!this.overflowed) {
        this.line += ch;
        if (this.line.length > MAX_LINE) {
          this.overflowed = true;
          this.line = '$';
        }
      }
    }
    return out;
  }
}
