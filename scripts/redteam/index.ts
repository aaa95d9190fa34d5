import type { Attack } from './attack';
import { FEED_ATTACKS } from './feed-flood';
import { PRIVACY_ATTACKS } from './privacy';

/** Every attack the replay knows, in the order of the hardening issue's items. */
export const ATTACKS: Attack[] = [...FEED_ATTACKS, ...PRIVACY_ATTACKS];
