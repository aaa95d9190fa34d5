import type { Attack } from './attack';
import { ABANDONED_ATTACKS } from './abandoned';
import { PRIVACY_ATTACKS } from './privacy';
import { SUBGRAPH_DIRECT_ATTACKS } from './subgraph-direct';

/** Every attack the replay knows, in the order of the hardening issue's items. */
export const ATTACKS: Attack[] = [...ABANDONED_ATTACKS, ...SUBGRAPH_DIRECT_ATTACKS, ...PRIVACY_ATTACKS];
