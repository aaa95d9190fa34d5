import { countryStub, nationalAuthorityStub } from '../../kit/references';

/** The entities of other subgraphs that this one refers to or adds fields to: its own classes of them (see kit/references.ts). */
export const Country = countryStub();
export type Country = InstanceType<typeof Country>;

export const NationalAuthority = nationalAuthorityStub();
export type NationalAuthority = InstanceType<typeof NationalAuthority>;
