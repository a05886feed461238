// The demo and test server: static files, the built SDK, the demo inbox and a small
// Segment-format collector. node:http only, no dependencies. Not a product: the
// collector exists so the demo can show events travelling from the store to the rep.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.zip': 'application/zip',
};

/** URL prefix → folder. The first match wins. */
const MOUNTS = [
  ['/sdk/', 'dist/sdk'],
  ['/store/', 'demo/store'],
  ['/mail/', 'demo/mail'],
  ['/fixtures/', 'tests/fixtures'],
  ['/demo-data/', 'dist/demo-data'],
  ['/bench/', '.cache/bench'],
  ['/', 'demo'],
];

/** The storefront is served under a strict CSP, as a careful site owner would. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

const MAX_BODY = 1024 * 1024;

export function createDemoServer() {
  /** Every message the collector accepted, in arrival order, de-duplicated by messageId. */
  const received = [];
  const seen = new Set();

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/health') return send(res, 200, 'text/plain', 'ok');
      if (url.pathname === '/collect/batch' && req.method === 'POST') return collect(req, res);
      if (url.pathname === '/collect/events.ndjson' && req.method === 'GET') {
        const since = Number(url.searchParams.get('since') ?? 0);
        const lines = received.slice(Number.isFinite(since) ? since : 0).map((m) => JSON.stringify(m));
        return send(res, 200, TYPES['.ndjson'], lines.length ? `${lines.join('\n')}\n` : '');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
      return serveFile(url.pathname, res);
    } catch (error) {
      send(res, 500, 'text/plain', `server error: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  async function collect(req, res) {
    let size = 0;
    const chunks = [];
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) return send(res, 413, 'application/json', '{"error":"batch too large"}');
      chunks.push(chunk);
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, 'application/json', '{"error":"body is not JSON"}');
    }
    const batch = Array.isArray(body?.batch) ? body.batch : null;
    if (!batch) return send(res, 400, 'application/json', '{"error":"expected {\\"batch\\": [...]}"}');
    let accepted = 0;
    for (const message of batch) {
      if (!message || typeof message !== 'object' || typeof message.messageId !== 'string') continue;
      if (seen.has(message.messageId)) continue;
      seen.add(message.messageId);
      received.push(message);
      accepted++;
    }
    send(res, 200, 'application/json', JSON.stringify({ success: true, accepted }));
  }

  async function serveFile(pathname, res) {
    const mount = MOUNTS.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) return send(res, 404, 'text/plain', 'not found');
    const [prefix, folder] = mount;
    const base = join(root, folder);
    let file = normalize(join(base, decodeURIComponent(pathname.slice(prefix.length))));
    if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'text/plain', 'forbidden');
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    // The storefront is a single-page app: its routes without a file extension get its index.html.
    if (!info && prefix === '/store/' && !extname(file)) {
      file = join(base, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return send(res, 404, 'text/plain', `not found: ${pathname}`);
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (pathname.startsWith('/store/') || pathname.startsWith('/mail/'))
      headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  return { server, received };
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Starts the server; resolves to its base URL. */
export function listen(port, host = '127.0.0.1') {
  const demo = createDemoServer();
  return new Promise((resolvePromise, reject) => {
    demo.server.once('error', reject);
    demo.server.listen(port, host, () => resolvePromise({ ...demo, url: `http://${host}:${port}` }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4173);
  const { url } = await listen(port);
  console.log(`Cordial demo server on ${url}`);
}
