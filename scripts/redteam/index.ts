import type { Attack } from './attack';
import { ABANDONED_ATTACKS } from './abandoned';
import { CLIENT_ERROR_ATTACKS } from './client-errors';
import { FEED_ATTACKS } from './feed-flood';
import { LIST_ATTACKS } from './nested-lists';
import { PRIVACY_ATTACKS } from './privacy';
import { SUBGRAPH_DIRECT_ATTACKS } from './subgraph-direct';
import { TOKEN_ATTACKS } from './tokens';

/** Every attack the replay knows: issue 15's items in order, then issue 16's attacks on tokens. */
export const ATTACKS: Attack[] = [
  ...LIST_ATTACKS,
  ...ABANDONED_ATTACKS,
  ...FEED_ATTACKS,
  ...SUBGRAPH_DIRECT_ATTACKS,
  ...CLIENT_ERROR_ATTACKS,
  ...PRIVACY_ATTACKS,
  ...TOKEN_ATTACKS,
];
