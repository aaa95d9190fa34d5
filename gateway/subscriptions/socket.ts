import type http from 'node:http';
import { CloseCode, type ServerOptions, type makeServer } from 'graphql-ws';
import WebSocket from 'ws';
import type { Logger } from '../../services/platform/logger';
import type { LogSampler } from '../../services/platform/log-sampler';

/** What graphql-ws hands the gateway's hooks along with each connection. */
export interface SocketExtra {
  socket: WebSocket;
  request: http.IncomingMessage;
}

export type GraphqlWsServer = ReturnType<typeof makeServer<Record<string, unknown> | undefined, SocketExtra>>;
export type GraphqlWsOptions = ServerOptions<Record<string, unknown> | undefined, SocketExtra>;

/**
 * Carries graphql-ws's protocol over one `ws` socket, as graphql-ws/use/ws does, but with what a client
 * does wrong kept out of the error log: a message over maxPayload or bad framing (ws has closed the socket
 * with the code that fits, 1009 or 1002) and a write to a socket the client has dropped are a sampled
 * `warn` line without a stack. A failure of the gateway's own handling is still an error, with its stack.
 * Pings every `keepAliveMs`; a socket that has not answered by the next ping is dropped.
 */
export function serveSocket(
  server: GraphqlWsServer,
  socket: WebSocket,
  request: http.IncomingMessage,
  keepAliveMs: number,
  log: Logger,
  warn: LogSampler,
): void {
  const address = request.socket.remoteAddress ?? 'unknown';
  socket.on('error', (error: Error & { code?: string }) => {
    warn.warn(error.code ?? 'socket', { address, code: error.code, reason: error.message }, 'closed a WebSocket on a client error');
    if (socket.readyState === WebSocket.OPEN) socket.close(CloseCode.BadRequest, 'Bad request');
  });
  let answered = true;
  const keepAlive = setInterval(() => {
    if (!answered) return socket.terminate();
    answered = false;
    socket.ping();
  }, keepAliveMs);
  socket.on('pong', () => (answered = true));
  const closed = server.opened(
    {
      protocol: socket.protocol,
      // A client that has gone away takes nothing more; its socket's 'close' ends its subscriptions.
      send: (data) =>
        new Promise<void>((resolve) => {
          if (socket.readyState !== WebSocket.OPEN) return resolve();
          socket.send(data, () => resolve());
        }),
      close: (code, reason) => socket.close(code, reason),
      onMessage: (handle) =>
        socket.on('message', (data: Buffer) => {
          // A socket being closed (for flooding, say) may still hold a chunk of messages: they are dropped unread.
          if (socket.readyState !== WebSocket.OPEN) return;
          handle(data.toString('utf8')).catch((error: unknown) => {
            log.error({ err: error, address }, 'could not handle a message of a WebSocket');
            socket.close(CloseCode.InternalServerError, 'Internal server error');
          });
        }),
    },
    { socket, request },
  );
  socket.once('close', (code, reason) => {
    clearInterval(keepAlive);
    void closed(code, reason.toString('utf8'));
  });
}
