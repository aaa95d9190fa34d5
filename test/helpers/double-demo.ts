import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { stableId } from '../../services/kit/ids';
import { demoAgreements } from '../../services/agreements/demo';
import { Agreement } from '../../services/agreements/entities/agreement.entity';
import { AgreementParty } from '../../services/agreements/entities/agreement-party.entity';
import { demoAuthorities } from '../../services/authorities/demo';
import { NationalAuthority } from '../../services/authorities/entities/national-authority.entity';
import { demoRows } from '../../services/organizations/demo';
import { OrganizationCountry } from '../../services/organizations/entities/organization-country.entity';
import { Organization } from '../../services/organizations/entities/organization.entity';
import { ServiceLanguage } from '../../services/organizations/entities/service-language.entity';
import { ServicePopulation } from '../../services/organizations/entities/service-population.entity';
import { Service } from '../../services/organizations/entities/service.entity';
import { Shelter } from '../../services/organizations/entities/shelter.entity';
import { demoPractices } from '../../services/practices/demo';
import { Practice } from '../../services/practices/entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
  PracticePopulation,
} from '../../services/practices/entities/practice-links.entity';
import type { TestGraph } from './graph';

/** Copied to other values: ids, and an organization's name key (one name per country, unique in the database). */
const ID_FIELDS = ['id', 'organizationId', 'serviceId', 'practiceId', 'agreementId', 'authorityId', 'nameKey'];

/**
 * The same row under copied ids: copies refer to copies, so the copy is a second, coherent directory. An
 * instance of the row's entity, so that its insert listeners derive its keys (Service.deriveKeys).
 */
function copy<T extends ObjectLiteral>(row: T): T {
  const copied: ObjectLiteral = Object.assign(Object.create(Object.getPrototypeOf(row) as object) as ObjectLiteral, row);
  for (const field of ID_FIELDS) {
    if (typeof copied[field] === 'string') copied[field] = stableId(`copy:${copied[field]}`);
  }
  return copied as T;
}

async function insertCopies<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  await db.getRepository(entity).insert(rows.map(copy));
}

/** Doubles every demo row of the graph (authorities, organizations and services, practices, agreements). */
export async function doubleDemoData(graph: TestGraph): Promise<void> {
  const { authorities, organizations, practices, agreements } = graph.subgraphs;
  await insertCopies(authorities.db, NationalAuthority, demoAuthorities());

  const directory = demoRows();
  await insertCopies(organizations.db, Organization, directory.organizations);
  await insertCopies(organizations.db, OrganizationCountry, directory.organizationCountries);
  await insertCopies(organizations.db, Service, directory.services);
  await insertCopies(organizations.db, ServiceLanguage, directory.serviceLanguages);
  await insertCopies(organizations.db, ServicePopulation, directory.servicePopulations);
  await insertCopies(organizations.db, Shelter, directory.shelters);

  const library = demoPractices();
  await insertCopies(practices.db, Practice, library.practices);
  await insertCopies(practices.db, PracticeCountry, library.countries);
  await insertCopies(practices.db, PracticeGuideline, library.guidelines);
  await insertCopies(practices.db, PracticePopulation, library.populations);
  await insertCopies(practices.db, PracticeOrganization, library.organizations);
  await insertCopies(practices.db, PracticeAuthority, library.authorities);

  const register = demoAgreements();
  await insertCopies(agreements.db, Agreement, register.agreements);
  await insertCopies(agreements.db, AgreementParty, register.parties);
}
