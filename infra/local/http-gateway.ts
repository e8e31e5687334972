/**
 * The HTTP API on node:http: declared routes → authorizer → handler, with payload-2.0 events built
 * by api-event.ts and results mapped back by api-response.ts. Requests no route claims go to the
 * local console (`/_local/…`) and then to the static mounts (site, upload page).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { NOT_FOUND_ROUTE_PATH } from '../declaration.ts';
import { headerLines, pageSecurityHeaders, securityHeadersFor } from '../security-headers.ts';
import {
  type AuthorizerContext,
  buildAuthorizerEvent,
  buildHttpApiEvent,
  decodePath,
  type GatewayRequest,
} from './api-event.ts';
import { GATEWAY_ERRORS, type GatewayResponse, toGatewayResponse } from './api-response.ts';
import type { InvokeFunction } from './event-delivery.ts';
import { BodyTooLargeError, closeServer, listen, readBody } from './http-io.ts';
import type { AnyAppDeclaration } from './local-aws.ts';
import { compileRoutes, matchRoute, type RouteMatch } from './route-table.ts';
import { findStaticFile, type StaticMount } from './static-files.ts';

/** Lambda's synchronous invocation limits: 6 MB in (the whole event), a little over 6 MB out. */
export const MAX_EVENT_BYTES = 6_291_456;
export const MAX_RESULT_BYTES = 6_291_556;

/** Answers `/_local/…` paths; returns false when it does not know the path. */
export type ConsoleHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

export interface HttpGatewayOptions {
  readonly app: AnyAppDeclaration;
  readonly invoke: InvokeFunction;
  readonly console?: ConsoleHandler;
  readonly staticMounts?: readonly StaticMount[];
  /** Failures (handler errors, oversized results). */
  readonly log?: (line: string) => void;
  /** One line per API request: route, function, status, duration. */
  readonly logRequest?: (line: string) => void;
  /** Origins the pages may send presigned uploads to (the S3 stand-in), for the pages' CSP `connect-src`. */
  readonly uploadOrigins?: readonly string[];
}

export interface HttpGateway {
  readonly url: string;
  close(): Promise<void>;
}

export async function startHttpGateway(options: HttpGatewayOptions, port = 0): Promise<HttpGateway> {
  const routes = compileRoutes(options.app.routes);
  const log = options.log ?? (() => {});
  const uploadOrigins = options.uploadOrigins ?? [];
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      log(
        `${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) writeResponse(res, req.method, GATEWAY_ERRORS.internal());
    });
  });
  // Requests node:http refuses before any handler sees them (headers over its limit, broken HTTP) still
  // get the API's error shape, as every other reply of the gateway does.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const reply = error.code === 'HPE_HEADER_OVERFLOW' ? GATEWAY_ERRORS.headersTooLarge() : GATEWAY_ERRORS.badRequest();
    socket.end(rawResponse(reply, headerLines(pageSecurityHeaders(uploadOrigins))));
  });

  /** What CloudFront's response headers policy adds to every answer on AWS, overriding the origin's. */
  function writeResponse(res: ServerResponse, method: string | undefined, response: GatewayResponse): void {
    // CloudFront matches path patterns against the path as sent, before any decoding.
    const path = (res.req.url ?? '/').split('?')[0] ?? '/';
    const security = headerLines(securityHeadersFor(path, uploadOrigins));
    writeGatewayResponse(res, method, { ...response, headers: { ...response.headers, ...security } });
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const path = decodePath(target.split('?')[0] ?? '/');
    const match = matchRoute(routes, method, path);
    if (!match) {
      if (path.startsWith('/_local/') && (await options.console?.(req, res, path))) return;
      const found = await staticOrNotFound(method, path);
      writeResponse(res, method, found ?? (await notFound(req, method, target, path)));
      return;
    }
    const body = await readBody(req, MAX_EVENT_BYTES).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return undefined;
      throw error;
    });
    if (body === undefined) {
      writeResponse(res, method, GATEWAY_ERRORS.payloadTooLarge());
      return;
    }
    const request: GatewayRequest = {
      method,
      target,
      rawHeaders: req.rawHeaders,
      body,
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      requestId: randomUUID(),
      now: new Date(),
    };
    const response = await invokeRoute(request, match);
    writeResponse(res, method, response);
    options.logRequest?.(
      `${method} ${target} → ${match.route.fn} ${response.statusCode} (${Date.now() - request.now.getTime()} ms)`,
    );
  }

  async function invokeRoute(request: GatewayRequest, match: RouteMatch): Promise<GatewayResponse> {
    let authorizer: AuthorizerContext | undefined;
    if (match.route.auth !== 'none' && options.app.authorizer) {
      const verdict = await runAuthorizer(request, match);
      if (!verdict.isAuthorized) return GATEWAY_ERRORS.forbidden();
      authorizer = verdict.context;
    }
    const event = buildHttpApiEvent(request, match, authorizer);
    if (Buffer.byteLength(JSON.stringify(event)) > MAX_EVENT_BYTES) return GATEWAY_ERRORS.payloadTooLarge();
    const result = await options.invoke(match.route.fn, event).catch((error: unknown) => {
      log(`${match.route.fn} (${match.routeKey}) failed: ${describe(error)}`);
      return FAILED;
    });
    if (result === FAILED) return GATEWAY_ERRORS.internal();
    const response = toGatewayResponse(result);
    if (response.body.length > MAX_RESULT_BYTES) {
      log(`${match.route.fn} returned ${response.body.length} bytes, over Lambda's response limit`);
      return GATEWAY_ERRORS.internal();
    }
    return response;
  }

  async function runAuthorizer(
    request: GatewayRequest,
    match: RouteMatch,
  ): Promise<Partial<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>>> {
    const fn = options.app.authorizer ?? '';
    const verdict: unknown = await options.invoke(fn, buildAuthorizerEvent(request, match));
    // A malformed answer denies, as API Gateway does with a simple-response authorizer.
    if (typeof verdict !== 'object' || verdict === null) return { isAuthorized: false };
    return verdict as Partial<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>>;
  }

  /**
   * What CloudFront does for a path neither a route nor the site has: a GET falls back to the declared
   * not-found function (its catch-all route), which answers with the site's 404 page or the API's error.
   * HEAD goes to API Gateway as HEAD, which no route matches; its status is 404 all the same.
   */
  async function notFound(req: IncomingMessage, method: string, target: string, path: string) {
    const fn = options.app.notFound;
    if (fn === undefined || (method !== 'GET' && method !== 'HEAD')) return GATEWAY_ERRORS.notFound();
    const match: RouteMatch = {
      route: { method: 'GET', path: NOT_FOUND_ROUTE_PATH, fn, auth: 'none' },
      routeKey: `GET ${NOT_FOUND_ROUTE_PATH}`,
      pathParameters: { proxy: path.replace(/^\//, '') },
    };
    const request: GatewayRequest = {
      method: 'GET',
      target,
      rawHeaders: req.rawHeaders,
      body: Buffer.alloc(0),
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      requestId: randomUUID(),
      now: new Date(),
    };
    return invokeRoute(request, match);
  }

  async function staticOrNotFound(method: string, path: string): Promise<GatewayResponse | undefined> {
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    const mounts = options.staticMounts ?? [];
    const file = await findStaticFile(mounts, path);
    if (file) {
      const disposition =
        file.contentDisposition === undefined ? {} : { 'content-disposition': file.contentDisposition };
      return {
        statusCode: 200,
        headers: { 'content-type': file.contentType, ...disposition },
        cookies: [],
        body: file.body,
      };
    }
    // CloudFront's directory-index function redirects `/reports/x/2022` to the slash form; so do we, so the
    // pages' relative links resolve the same way on both.
    if (!path.endsWith('/') && (await findStaticFile(mounts, `${path}/`))) {
      return { statusCode: 301, headers: { location: `${path}/` }, cookies: [], body: Buffer.alloc(0) };
    }
    return undefined;
  }

  const url = await listen(server, port);
  return { url, close: () => closeServer(server) };
}

const FAILED = Symbol('failed');

function writeGatewayResponse(res: ServerResponse, method: string | undefined, response: GatewayResponse): void {
  const headers: Record<string, string | string[]> = { ...response.headers };
  headers['content-length'] = String(response.body.length);
  if (response.cookies.length > 0) headers['set-cookie'] = [...response.cookies];
  res.writeHead(response.statusCode, headers);
  res.end(method === 'HEAD' ? undefined : response.body);
}

/** A whole HTTP/1.1 response as bytes, for a socket whose request node:http could not parse. */
function rawResponse(response: GatewayResponse, extraHeaders: Readonly<Record<string, string>>): Buffer {
  const headers = { ...response.headers, ...extraHeaders, 'content-length': String(response.body.length) };
  const head = [
    `HTTP/1.1 ${response.statusCode} ${STATUS_CODES[response.statusCode] ?? ''}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'connection: close',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), response.body]);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
