import { addressKey, RateLimiter } from '../edge';

export interface AddressLimits {
  maxConnectionsPerAddress: number;
  subscribesPerSecondPerAddress: number;
  subscribeBurstPerAddress: number;
}

/**
 * What one client address may hold and send on the live feed, whatever the transport: its open
 * connections (WebSockets and HTTP subscription streams count together) and its subscribes.
 * In memory, per gateway process.
 */
export class AddressBudget {
  private readonly open = new Map<string, number>();
  readonly subscribes: RateLimiter;

  constructor(private readonly limits: AddressLimits) {
    this.subscribes = new RateLimiter(limits.subscribesPerSecondPerAddress * 60, Date.now, 100_000, limits.subscribeBurstPerAddress);
  }

  /** Whether the address may open one more connection. */
  full(address: string): boolean {
    return (this.open.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress;
  }

  /** Counts one connection of the address; the result gives its place back (once). */
  enter(address: string): () => void {
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const remaining = (this.open.get(address) ?? 1) - 1;
      if (remaining > 0) this.open.set(address, remaining);
      else this.open.delete(address);
    };
  }

  /** Takes one subscribe of the address: 0 when granted, else the seconds to wait. */
  subscribe(address: string): number {
    return this.subscribes.take(addressKey(address));
  }
}
