import WebSocket from 'ws';

export interface FeedMessage {
  id?: string;
  type: string;
  payload?: any;
}

/**
 * A bare graphql-ws client (protocol graphql-transport-ws) that keeps every message, so tests can wait
 * for the next one of a subscription and see error messages and close codes exactly as a client would.
 */
export class FeedClient {
  readonly messages: FeedMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters: (() => void)[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse((data as Buffer).toString('utf8')) as FeedMessage);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        this.waiters.splice(0).forEach((wake) => wake());
      }),
    );
  }

  /** Opens the socket and sends connection_init; resolves once acknowledged (or the socket closed). */
  static async connect(httpUrl: string, authorization?: string): Promise<FeedClient> {
    const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new FeedClient(socket);
    socket.send(JSON.stringify({ type: 'connection_init', payload: authorization ? { authorization } : {} }));
    await client.waitFor((m) => m.type === 'connection_ack', 5000).catch(() => undefined);
    return client;
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  }

  complete(id: string): void {
    this.socket.send(JSON.stringify({ id, type: 'complete' }));
  }

  /** Resolves with the first message (seen or coming) matching `test` that was not taken before. */
  async waitFor(test: (message: FeedMessage) => boolean, timeoutMs = 3000): Promise<FeedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.messages.findIndex((message) => !taken.has(message) && test(message));
      if (index >= 0) {
        taken.add(this.messages[index]);
        return this.messages[index];
      }
      if (Date.now() > deadline || this.socket.readyState === WebSocket.CLOSED) {
        throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages).slice(0, 500)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The `next` payloads received so far for a subscription. */
  events(id: string): any[] {
    return this.messages.filter((message) => message.id === id && message.type === 'next').map((message) => message.payload);
  }

  close(): void {
    this.socket.close(1000);
  }
}

const taken = new WeakSet<FeedMessage>();
