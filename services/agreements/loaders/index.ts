import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { firstOfEachLoader, groupLoader, lazy, rowLoader } from '../../kit/loaders';
import { firstOfEach } from '../../kit/pagination';
import { Agreement } from '../entities/agreement.entity';
import { AgreementParty } from '../entities/agreement-party.entity';
import { AgreementEvent } from '../entities/agreement-event.entity';
import { AgreementGuideline } from '../entities/agreement-guideline.entity';
import { agreementVisibility } from '../visibility';

export function createLoaders(db: DataSource, viewer: Viewer | null = null) {
  const agreements = db.getRepository(Agreement);
  const parties = db.getRepository(AgreementParty);
  const events = db.getRepository(AgreementEvent);
  const guidelines = db.getRepository(AgreementGuideline);
  const partiesOfAgreement = groupLoader(
    (ids: string[]) => parties.find({ where: { agreementId: In(ids) }, order: { agreementId: 'ASC', position: 'ASC' } }),
    (p) => p.agreementId,
  );
  const visibility = agreementVisibility(viewer, (id) => partiesOfAgreement.load(id));
  /* The reverse lookups read the first party rows of each key with their agreements, those the viewer
     sees, in one statement, by the agreement's title. */
  const agreementsOf = (column: 'country_code' | 'authority_id', keyOf: (party: AgreementParty) => string) =>
    firstOfEachLoader((keys: string[], first) => {
      const query = parties.createQueryBuilder('vl').innerJoinAndSelect('vl.agreement', 'a').where(`vl.${column} IN (:...keys)`, { keys });
      const visible = visibility.sql('a');
      if (visible) query.andWhere(visible.sql, visible.parameters);
      return firstOfEach(query, { parent: `vl.${column}`, id: 'vl.agreement_id', order: ['a.title', 'a.id'] }, first).getMany();
    }, keyOf);
  const agreementsOfGuideline = firstOfEachLoader(
    (numbers: number[], first) => {
      const query = guidelines
        .createQueryBuilder('vg')
        .innerJoinAndSelect('vg.agreement', 'a')
        .where('vg.guideline_number IN (:...numbers)', { numbers });
      const visible = visibility.sql('a');
      if (visible) query.andWhere(visible.sql, visible.parameters);
      return firstOfEach(query, { parent: 'vg.guideline_number', id: 'vg.agreement_id', order: ['a.title', 'a.id'] }, first).getMany();
    },
    (link: AgreementGuideline) => link.guidelineNumber,
  );
  return {
    /** What the viewer may see (visibility.ts). */
    visibility: lazy(async () => visibility),
    event: rowLoader(
      (ids: number[]) => events.findBy({ id: In(ids) }),
      (e) => e.id,
    ),
    agreement: rowLoader(
      (ids: string[]) => agreements.findBy({ id: In(ids) }),
      (a) => a.id,
    ),
    partiesOfAgreement,
    agreementsOfCountry: agreementsOf('country_code', (p) => p.countryCode),
    agreementsOfAuthority: agreementsOf('authority_id', (p) => p.authorityId!),
    agreementsOfGuideline,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
