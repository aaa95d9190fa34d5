import type { Attack } from './attack';

/** Every attack the replay knows, in the order of the hardening issue's items. */
export const ATTACKS: Attack[] = [];
