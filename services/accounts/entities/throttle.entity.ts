import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Attempts of one kind (`scope`) by one subject (an e-mail and a client address, or an address) in the
 * current window; shared by every replica of the subgraph, and counted by one atomic UPDATE (throttle.ts).
 */
@Entity('throttles')
export class Throttle {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 320 })
  subject: string;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'window_start', type: 'datetime' })
  windowStart: Date;
}
