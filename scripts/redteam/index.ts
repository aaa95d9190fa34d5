import type { Attack } from './attack';
import { ABANDONED_ATTACKS } from './abandoned';
import { CLIENT_ERROR_ATTACKS } from './client-errors';
import { FEED_ATTACKS } from './feed-flood';
import { LIST_ATTACKS } from './nested-lists';
import { PRIVACY_ATTACKS } from './privacy';
import { SUBGRAPH_DIRECT_ATTACKS } from './subgraph-direct';

/** Every attack the replay knows, in the order of the hardening issue's items. */
export const ATTACKS: Attack[] = [
  ...LIST_ATTACKS,
  ...ABANDONED_ATTACKS,
  ...FEED_ATTACKS,
  ...SUBGRAPH_DIRECT_ATTACKS,
  ...CLIENT_ERROR_ATTACKS,
  ...PRIVACY_ATTACKS,
];
