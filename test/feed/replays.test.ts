import { Replays, type Replay } from '../../gateway/subscriptions/replays';
import { Subscriber } from '../../gateway/subscriptions/subscriber';

/** A replay that runs until the test lets it finish. */
function harness(limits = { maxReplays: 1, maxQueuedReplays: 2 }) {
  const started: Replay<string>[] = [];
  const finish = new Map<Replay<string>, () => void>();
  const replays = new Replays<string>(limits, (replay) => {
    started.push(replay);
    return new Promise<void>((resolve) => finish.set(replay, resolve));
  });
  const end = async (replay: Replay<string>) => {
    finish.get(replay)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { replays, started, end };
}

const subscriber = (replays?: Replays<string>) => new Subscriber(0, (ended) => replays?.leave(ended));

describe('replays of a feed', () => {
  it('shares one replay between the subscribers of a group starting at the same id, while it has delivered nothing', () => {
    const { replays, started } = harness();
    const [a, b, c] = [subscriber(), subscriber(), subscriber()];
    expect(replays.join('group\n0', 'group', 0, a)).toBe(true);
    expect(replays.join('group\n0', 'group', 0, b)).toBe(true);
    expect(started).toHaveLength(1);
    expect([...started[0].subscribers]).toEqual([a, b]);
    replays.seal(started[0]);
    replays.join('group\n0', 'group', 0, c);
    expect(started[0].subscribers.has(c)).toBe(false);
    expect(replays.counts).toEqual({ running: 1, queued: 1 });
  });

  it('runs at most maxReplays at once and starts the next queued one when one ends', async () => {
    const { replays, started, end } = harness({ maxReplays: 2, maxQueuedReplays: 5 });
    for (const after of [0, 1, 2, 3]) replays.join(`g\n${after}`, 'g', after, subscriber());
    expect(started.map((replay) => replay.after)).toEqual([0, 1]);
    await end(started[0]);
    expect(started.map((replay) => replay.after)).toEqual([0, 1, 2]);
    expect(replays.counts).toEqual({ running: 2, queued: 1 });
  });

  it('refuses a subscriber once the queue is full, and takes it again once there is room', async () => {
    const { replays, started, end } = harness({ maxReplays: 1, maxQueuedReplays: 2 });
    for (const after of [0, 1, 2]) expect(replays.join(`g\n${after}`, 'g', after, subscriber())).toBe(true);
    expect(replays.join('g\n3', 'g', 3, subscriber())).toBe(false);
    // Joining a replay that waits needs no room.
    expect(replays.join('g\n2', 'g', 2, subscriber())).toBe(true);
    await end(started[0]);
    expect(replays.join('g\n3', 'g', 3, subscriber())).toBe(true);
  });

  it('drops a queued replay whose subscribers have all left, before it costs anything', async () => {
    const { replays, started, end } = harness({ maxReplays: 1, maxQueuedReplays: 10 });
    replays.join('g\n0', 'g', 0, subscriber(replays));
    const leaving = Array.from({ length: 1000 }, () => subscriber(replays));
    for (const one of leaving) {
      replays.join('g\n7', 'g', 7, one);
      void one.return();
    }
    expect(replays.counts).toEqual({ running: 1, queued: 0 });
    await end(started[0]);
    expect(started).toHaveLength(1);
  });

  it("takes a subscriber that leaves a running replay out of the replay's subscribers, which the run reads as it goes", () => {
    const { replays, started } = harness();
    const [a, b] = [subscriber(replays), subscriber(replays)];
    replays.join('g\n0', 'g', 0, a);
    replays.join('g\n0', 'g', 0, b);
    void a.return();
    void b.return();
    expect(started[0].subscribers.size).toBe(0);
  });
});
