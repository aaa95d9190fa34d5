import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';

export type Role = 'AUTHORITY' | 'SECRETARIAT';

/** Who is asking: null for an anonymous caller. */
export interface Viewer {
  id: string;
  role: Role | null;
  /** The country of an AUTHORITY. */
  country: string | null;
  /** The national authority an AUTHORITY works for, when the Secretariat named one. */
  authorityId: string | null;
}

/** Built once per request by the subgraph server; loaders are created here, never at module level. */
export interface Context<L = unknown> {
  requestId: string;
  log: Logger;
  /** Verified from the request's token by this subgraph itself; null when anonymous. */
  viewer: Viewer | null;
  /** The request's Authorization header, to pass on when this subgraph asks another one. */
  authorization: string | null;
  db: DataSource;
  loaders: L;
  config: Config;
  jwtSecret: string;
}
