import type { Attack } from './attack';
import { CLIENT_ERROR_ATTACKS } from './client-errors';
import { FEED_ATTACKS } from './feed-flood';
import { LIST_ATTACKS } from './nested-lists';
import { PRIVACY_ATTACKS } from './privacy';

/** Every attack the replay knows, in the order of the hardening issue's items. */
export const ATTACKS: Attack[] = [...LIST_ATTACKS, ...FEED_ATTACKS, ...CLIENT_ERROR_ATTACKS, ...PRIVACY_ATTACKS];
