import { RateLimiter } from '../../gateway/edge';
import { ConnectionGuard, sampledWarn } from '../../gateway/subscriptions/connection';
import { createLogger } from '../../services/platform/logger';
import type WebSocket from 'ws';

const LIMITS = { maxSubscriptionsPerConnection: 20, subscribesPerSecond: 10, subscribeBurst: 20, maxBufferedKb: 64 };

/** A socket as the guard sees it, recording how it was closed. */
function fakeSocket() {
  const socket = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    closedWith: undefined as number | undefined,
    paused: false,
    close(code: number) {
      socket.closedWith = code;
      socket.readyState = 2;
    },
    pause() {
      socket.paused = true;
    },
    terminate() {
      socket.readyState = 3;
    },
  };
  return socket;
}

const guardOf = (socket: ReturnType<typeof fakeSocket>, perAddress = new RateLimiter(6000, Date.now, 10, 1000)) =>
  new ConnectionGuard(socket as unknown as WebSocket, '192.0.2.1', LIMITS, perAddress, sampledWarn(createLogger('test', 'silent')));

describe("a WebSocket's guard", () => {
  it('admits a burst of subscribes, then refuses the next with RATE_LIMITED and when to retry, keeping the socket', () => {
    const socket = fakeSocket();
    const guard = guardOf(socket);
    for (let i = 0; i < 20; i += 1) expect(guard.admit(1)).toBeNull();
    const [refused] = guard.admit(1)!;
    expect(refused.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(socket.closedWith).toBeUndefined();
  });

  it('closes with 4429 a socket that keeps subscribing while refused, and stops reading it', () => {
    const socket = fakeSocket();
    const guard = guardOf(socket);
    for (let i = 0; i < 39; i += 1) guard.admit(1);
    expect(socket.closedWith).toBeUndefined();
    guard.admit(1);
    expect(socket.closedWith).toBe(4429);
    expect(socket.paused).toBe(true);
  });

  it("refuses a socket's subscribes once its address has used its own bucket", () => {
    const perAddress = new RateLimiter(60, Date.now, 10, 30);
    const [a, b] = [guardOf(fakeSocket(), perAddress), guardOf(fakeSocket(), perAddress)];
    for (let i = 0; i < 20; i += 1) expect(a.admit(1)).toBeNull();
    for (let i = 0; i < 10; i += 1) expect(b.admit(1)).toBeNull();
    expect(b.admit(1)![0].extensions.code).toBe('RATE_LIMITED');
  });

  it('counts subscriptions still being opened, whether or not the client has completed them', () => {
    const guard = guardOf(fakeSocket());
    for (let i = 0; i < 20; i += 1) guard.begin(String(i));
    expect(guard.admit(0)![0].message).toBe('At most 20 subscriptions per connection.');
  });

  it('says a subscribe no longer stands once another one with its id, or the socket closing, has replaced it', () => {
    const socket = fakeSocket();
    const guard = guardOf(socket);
    const first = guard.begin('1');
    const second = guard.begin('1');
    expect(first()).toBe(false);
    const third = guard.begin('2');
    expect(second()).toBe(true);
    socket.readyState = 3;
    expect(third()).toBe(false);
    expect(guard.opening).toBe(0);
  });

  it('closes with 1013 a socket whose client lets more than the buffer cap wait to be sent', () => {
    const socket = fakeSocket();
    const guard = guardOf(socket);
    socket.bufferedAmount = 64 * 1024;
    expect(guard.overBuffered()).toBe(false);
    socket.bufferedAmount += 1;
    expect(guard.overBuffered()).toBe(true);
    expect(socket.closedWith).toBe(1013);
  });
});
