// The HTTP decision service: POST /decide (one request or a batch), GET /health, GET /version; JSON in and out, never
// crashing on input.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Decider, DecisionError } from '../decide/createDecider.ts';

export interface ServerSource {
  /** The decider of the moment: read per request, so a reload swaps it between requests and none is dropped. */
  decider(): Decider;
  /** Facts for /health and /version (model dates, when the week was loaded, the last reload problem). */
  status(): Record<string, unknown>;
}

export interface ServerOptions {
  maxBodyBytes: number;
  version: string;
}

/** The error shape of decide's error lines: the first problem's field, value and rule, and every problem. */
function requestError(rule: string, value: unknown = null, field: string | null = null): DecisionError {
  return { request_id: null, field, value, rule, problems: [{ field, value, rule }] };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const ROUTES: Record<string, string> = { '/decide': 'POST', '/health': 'GET', '/version': 'GET' };

/** Reads the body up to `max` bytes; null when it is larger (the rest is discarded, not buffered). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      req.resume();
      resolve(null);
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      else parts.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(parts)));
    req.on('error', reject);
  });
}

async function handleDecide(
  req: IncomingMessage,
  res: ServerResponse,
  source: ServerSource,
  o: ServerOptions,
): Promise<void> {
  const body = await readBody(req, o.maxBodyBytes);
  if (body === null) {
    send(
      res,
      413,
      requestError(
        `request body larger than ${o.maxBodyBytes} bytes (config serve.maxBodyBytes); send smaller batches`,
      ),
      { connection: 'close' },
    );
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (err) {
    const text = body.toString('utf8');
    send(
      res,
      400,
      requestError(
        `not valid JSON (${err instanceof Error ? err.message : String(err)})`,
        text.length > 200 ? `${text.slice(0, 200)}…` : text,
      ),
    );
    return;
  }
  const decider = source.decider();
  if (Array.isArray(value)) {
    // A batch is decided as the CLI decides NDJSON: bad items get error lines, the others decisions.
    send(res, 200, decider.decideValues(value, true));
    return;
  }
  const [out] = decider.decideValues([value], false);
  send(res, out && 'action' in out ? 200 : 400, out);
}

/** A node:http server; listen() is the caller's. Any unexpected error becomes a 500 reply, never a crash. */
export function createDecisionServer(source: ServerSource, o: ServerOptions): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const method = ROUTES[path];
    const done = (p: Promise<void> | void) =>
      Promise.resolve(p).catch((err: unknown) => {
        if (!res.headersSent)
          send(res, 500, requestError(`internal error: ${err instanceof Error ? err.message : String(err)}`));
        else res.destroy();
      });
    if (method === undefined) {
      req.resume();
      return done(
        send(res, 404, requestError(`no route ${req.method} ${path}; use POST /decide, GET /health or GET /version`)),
      );
    }
    if (req.method !== method) {
      req.resume();
      return done(send(res, 405, requestError(`${path} takes ${method}, not ${req.method}`), { allow: method }));
    }
    if (path === '/decide') return done(handleDecide(req, res, source, o));
    const decider = source.decider();
    const common = { policy: decider.policyName, scores_as_of: decider.scoresAsOf, ...source.status() };
    return done(send(res, 200, path === '/health' ? { status: 'ok', ...common } : { trustlens: o.version, ...common }));
  });
  // Malformed HTTP never reaches the handler: answer it and close that socket only.
  server.on('clientError', (_err, socket) => {
    if (socket.writable)
      socket.end(
        'HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{"rule":"malformed HTTP request"}',
      );
    else socket.destroy();
  });
  return server;
}
