/**
 * A GraphQL answer as UTF-8 bytes, the same bytes as Apollo Server's own `JSON.stringify(result) + '\n'`,
 * without ever making one large string of it.
 *
 * Why (docs/performance.md, "Encoding a large answer"): V8 builds a long JSON.stringify result as a rope of
 * parts, and anything that reads it (Buffer.from, a socket write) first copies it into one flat string. A
 * flat string over 128 kB goes to V8's large-object space, fresh pages each time, which costs about 5.5 µs
 * a kB on this machine: a 94,000-character answer with a single character past Latin-1 (an en dash, a
 * curly quote) is a two-byte string of 188 kB and costs over a millisecond to flatten, about four times
 * what stringifying it costs. Here the answer is stringified in pieces (its containers are walked down to a
 * few levels, and what is below is stringified whole, or walked further when it is long), gathered into
 * chunks of at most CHUNK_CHARS characters, and each chunk is encoded on its own: no string above 128 kB.
 *
 * Apollo Server's `stringifyResult` must return a string, so `stringifyAnswer` returns a short token and
 * keeps the bytes; the HTTP layer (http.ts) trades the token for them with `answerBytes` as soon as Apollo
 * Server returns, and any other string (none is expected) is encoded as it is.
 */

/** Containers above this depth are walked; below it a value is stringified whole unless it is long. */
const WALKED_DEPTH = 3;
/** A piece longer than this (characters) is walked into instead, when it is an array or a plain object. */
const LONG_PIECE = 32 * 1024;
/** Pieces are gathered into chunks of about this many characters (at most 64K two-byte characters, 128 kB). */
const CHUNK_CHARS = 16 * 1024;

/** JSON.stringify's view of a value it leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** A property's value as JSON.stringify writes it: after its own toJSON, called with the property's key. */
function serialized(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  return value;
}

/** An array or a plain object: written key by key as JSON.stringify would, so safe to walk. */
function walkable(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

class Chunks {
  readonly buffers: Buffer[] = [];
  private pending = '';

  push(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending === '') return;
    this.buffers.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
}

/** Writes a value already through `serialized`, and not `omitted`. */
function write(value: unknown, depth: number, out: Chunks): void {
  if (!walkable(value)) return out.push(JSON.stringify(value));
  if (depth >= WALKED_DEPTH) {
    const whole = JSON.stringify(value);
    if (whole.length <= LONG_PIECE) return out.push(whole);
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.push(',');
      const item = serialized(value[i], String(i));
      if (omitted(item)) out.push('null');
      else write(item, depth + 1, out);
    }
    return out.push(']');
  }
  let first = true;
  out.push('{');
  for (const key of Object.keys(value)) {
    const item = serialized(value[key], key);
    if (omitted(item)) continue;
    out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    write(item, depth + 1, out);
  }
  out.push('}');
}

/** The bytes of `JSON.stringify(value) + suffix`, with no large string made. */
export function encodeJson(value: unknown, suffix = ''): Buffer {
  const out = new Chunks();
  const top = serialized(value, '');
  // What `JSON.stringify(value) + suffix` makes of a value JSON.stringify leaves out.
  if (omitted(top)) out.push('undefined');
  else write(top, 0, out);
  out.push(suffix);
  out.flush();
  return out.buffers.length === 1 ? out.buffers[0] : Buffer.concat(out.buffers);
}

/** Answers encoded by stringifyAnswer and not yet taken, by token. */
const encoded = new Map<string, Buffer>();
const TOKEN = '\u0000answer:';
let counter = 0;

/** Apollo Server's `stringifyResult`: encodes the answer as Apollo Server would, and returns the token of its bytes. */
export function stringifyAnswer(result: unknown): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  const token = `${TOKEN}${counter}`;
  encoded.set(token, encodeJson(result, '\n'));
  return token;
}

/** The bytes of an answer Apollo Server returned: those its token stands for, or the string encoded. */
export function answerBytes(body: string): Buffer {
  const bytes = body.startsWith(TOKEN) ? encoded.get(body) : undefined;
  if (!bytes) return Buffer.from(body, 'utf8');
  encoded.delete(body);
  return bytes;
}
