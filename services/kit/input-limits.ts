import { OAS_MEMBER_STATES } from './countries';
import { Population } from './enums';

/*
 * Limits of the inputs that several subgraphs take alike; every column is at least as wide. A limit of
 * one input only is named in its input file.
 */

/** The longest e-mail address mail servers take (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254;
/** A web address: a website, the source of a practice. */
export const MAX_URL_LENGTH = 500;
/** The name of a person, an organization or a service. */
export const MAX_NAME_LENGTH = 200;
/** The title of a practice or an agreement. */
export const MAX_TITLE_LENGTH = 300;
/** A name or a title has at least two characters, one of them visible (NOT_BLANK in validation.ts). */
export const MIN_NAME_LENGTH = 2;

/** A list of Member States names each at most once. */
export const MAX_MEMBER_STATES = OAS_MEMBER_STATES.length;
/** A list of populations names each at most once. */
export const MAX_POPULATIONS = Object.values(Population).length;

/** A number as the descriptions and messages write it: 20,000. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
