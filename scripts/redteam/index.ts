import type { Attack } from './attack';
import { PRIVACY_ATTACKS } from './privacy';

/** Every attack the replay knows, in the order of the hardening issue's items. */
export const ATTACKS: Attack[] = [...PRIVACY_ATTACKS];
