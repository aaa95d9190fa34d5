import type { DataSource } from 'typeorm';
import type { Logger } from './logger';

export type Role = 'AUTHORITY' | 'SECRETARIAT';

/** Who is asking: null for an anonymous caller. */
export interface Viewer {
  id: string;
  role: Role | null;
  country: string | null;
}

/** Built once per request by the subgraph server; loaders are created here, never at module level. */
export interface Context<L = unknown> {
  requestId: string;
  log: Logger;
  viewer: Viewer | null;
  db: DataSource;
  loaders: L;
}
