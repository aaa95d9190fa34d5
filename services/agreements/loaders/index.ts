import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { groupLoader, lazy, rowLoader } from '../../kit/loaders';
import { Agreement } from '../entities/agreement.entity';
import { AgreementParty } from '../entities/agreement-party.entity';
import { AgreementEvent } from '../entities/agreement-event.entity';
import { agreementVisibility } from '../visibility';

export function createLoaders(db: DataSource, viewer: Viewer | null = null) {
  const agreements = db.getRepository(Agreement);
  const parties = db.getRepository(AgreementParty);
  const events = db.getRepository(AgreementEvent);
  /* The reverse lookups read each party row with its agreement in one statement, by the agreement's
     title; every status comes back and the resolver applies the viewer's visibility. */
  const withAgreement = { relations: { agreement: true }, order: { agreement: { title: 'ASC' as const, id: 'ASC' as const } } };
  const partiesOfAgreement = groupLoader(
    (ids: string[]) => parties.find({ where: { agreementId: In(ids) }, order: { agreementId: 'ASC', position: 'ASC' } }),
    (p) => p.agreementId,
  );
  return {
    /** What the viewer may see (visibility.ts). */
    visibility: lazy(async () => agreementVisibility(viewer, (id) => partiesOfAgreement.load(id))),
    event: rowLoader(
      (ids: number[]) => events.findBy({ id: In(ids) }),
      (e) => e.id,
    ),
    agreement: rowLoader(
      (ids: string[]) => agreements.findBy({ id: In(ids) }),
      (a) => a.id,
    ),
    partiesOfAgreement,
    agreementsOfCountry: groupLoader(
      (codes: string[]) => parties.find({ where: { countryCode: In(codes) }, ...withAgreement }),
      (p) => p.countryCode,
    ),
    agreementsOfAuthority: groupLoader(
      (ids: string[]) => parties.find({ where: { authorityId: In(ids) }, ...withAgreement }),
      (p) => p.authorityId!,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
