import { linkedEntities } from '../kit/linked';

/** The organizations and national authorities a practice links to (kit/linked.ts). */
const links = linkedEntities(
  {
    organizations: { typename: 'Organization', field: 'organizationIds', noun: 'organization' },
    authorities: { typename: 'NationalAuthority', field: 'authorityIds', noun: 'national authority' },
  },
  (noun, id) => `No ${noun} has the id ${id}.`,
);

/** The linked ids the caller may see, in their order. */
export const visibleLinks = links.visibleLinks;
/** Refuses, with BAD_USER_INPUT naming the field, a submission linking an id its owner does not show the submitter. */
export const assertLinksExist = links.assertLinks;
