import type { KeyObject } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../platform/config';
import type { Viewer } from '../platform/auth';
import type { Logger } from '../platform/logger';
import type { AnswerGuard } from './answer-guard';

/** Built once per request by the subgraph server; loaders are created here, never at module level. */
export interface Context<L = unknown> {
  requestId: string;
  log: Logger;
  /** Verified from the request's token by this subgraph itself; null when anonymous. */
  viewer: Viewer | null;
  /**
   * Why the request's token was refused (expired, bad signature): the request is then anonymous, and a field
   * that needs a viewer says UNAUTHENTICATED with this reason (auth-checker.ts). Absent when none was sent or it held.
   */
  tokenRefused?: GraphQLError | null;
  /** The request's Authorization header, to pass on when this subgraph asks another one. */
  authorization: string | null;
  /**
   * The client's address: the one the gateway names in `x-client-address` when the peer is a gateway
   * (GATEWAY_ADDRESSES), else the peer's own; sign-in and sign-up throttles count by it. Absent in process.
   */
  clientAddress?: string;
  db: DataSource;
  loaders: L;
  config: Config;
  /** The private key tokens are signed with: the accounts subgraph's only (SubgraphDefinition.signingKey). */
  signingKey?: KeyObject;
  /**
   * Fires when the client went away before the answer was written (the gateway gave up on its fetch):
   * work that loops on its own (batches, pages) stops. Absent when executed in process (tests).
   */
  signal?: AbortSignal;
  /** Stops every resolver once the request is abandoned or its answer over RESPONSE_MAX_BYTES (answer-guard.ts). */
  guard?: AnswerGuard;
}
