import { linkedEntities } from '../kit/linked';

/** The practices and agreements an indicator entry links to (kit/linked.ts). */
const links = linkedEntities(
  {
    practices: { typename: 'Practice', field: 'practiceIds', noun: 'practice' },
    agreements: { typename: 'Agreement', field: 'agreementIds', noun: 'agreement' },
  },
  (noun, id) => `No ${noun} you may see has the id ${id}.`,
);

/** The linked ids the caller may see, in their order: a hidden link is left out, not answered as null. */
export const visibleLinks = links.visibleLinks;
/** Refuses, with BAD_USER_INPUT naming the field, an entry linking an id its owner does not show the writer. */
export const assertLinksSeen = links.assertLinks;
