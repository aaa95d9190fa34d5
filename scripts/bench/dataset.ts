import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { SUBGRAPHS, type Config, type SubgraphName } from '../../services/platform/config';
import { OAS_MEMBER_STATES } from '../../services/kit/countries';
import { openDatabase } from '../../services/kit/database';
import { recencyKey } from '../../services/kit/change-log';
import { refreshSearchStems } from '../../services/kit/full-text';
import { ORGANIZATIONS_INDEX, SERVICES_INDEX } from '../../services/organizations/search-indexes';
import { PRACTICES_INDEX } from '../../services/practices/search-indexes';
import { Population } from '../../services/kit/enums';
import { stableId } from '../../services/kit/ids';
import { createLogger } from '../../services/platform/logger';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { NationalAuthority } from '../../services/authorities/entities/national-authority.entity';
import { Organization, OrganizationKind, VerificationStatus } from '../../services/organizations/entities/organization.entity';
import { OrganizationCountry } from '../../services/organizations/entities/organization-country.entity';
import { placeKeys, Service, ServiceType } from '../../services/organizations/entities/service.entity';
import { ServiceLanguage } from '../../services/organizations/entities/service-language.entity';
import { Pillar, Practice, PracticeStatus } from '../../services/practices/entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
} from '../../services/practices/entities/practice-links.entity';
import { Agreement, AgreementKind, AgreementStatus } from '../../services/agreements/entities/agreement.entity';
import { AgreementParty } from '../../services/agreements/entities/agreement-party.entity';

/**
 * The benchmark's dataset: the demo data plus, for every Member State and each of `scale` rounds, one
 * national authority, one verified organization serving it and its neighbour (in list order) with two
 * services, one published practice, and one signed agreement with the neighbour. Ids and values derive
 * from (country, round) only, so two runs (and the in-process S3 gateway) see the same rows; scale 2
 * is the same dataset doubled.
 */
export interface BenchRows {
  authorities: Partial<NationalAuthority>[];
  organizations: Partial<Organization>[];
  organizationCountries: Partial<OrganizationCountry>[];
  services: Partial<Service>[];
  serviceLanguages: Partial<ServiceLanguage>[];
  practices: Partial<Practice>[];
  practiceCountries: Partial<PracticeCountry>[];
  practiceGuidelines: Partial<PracticeGuideline>[];
  practiceOrganizations: Partial<PracticeOrganization>[];
  practiceAuthorities: Partial<PracticeAuthority>[];
  agreements: Partial<Agreement>[];
  parties: Partial<AgreementParty>[];
}

const LANGUAGES = ['spa', 'eng', 'por', 'fra', 'que'];

export function benchRows(scale: number): BenchRows {
  const rows: BenchRows = {
    authorities: [],
    organizations: [],
    organizationCountries: [],
    services: [],
    serviceLanguages: [],
    practices: [],
    practiceCountries: [],
    practiceGuidelines: [],
    practiceOrganizations: [],
    practiceAuthorities: [],
    agreements: [],
    parties: [],
  };
  const codes = [...OAS_MEMBER_STATES];
  const at = new Date('2025-01-01T00:00:00Z');
  codes.forEach((code, c) => {
    const neighbour = codes[(c + 1) % codes.length];
    for (let round = 0; round < scale; round += 1) {
      const key = `bench:${code}:${round}`;
      const authorityId = stableId(`${key}:authority`);
      const organizationId = stableId(`${key}:organization`);
      rows.authorities.push({
        id: authorityId,
        name: `Benchmark authority ${code} ${round}`,
        acronym: null,
        countryCode: code,
        competences: [],
        website: null,
        email: null,
        phone: null,
        isContactPoint: false,
        isDemo: true,
      });
      rows.organizations.push({
        id: organizationId,
        name: `Benchmark organization ${code} ${round}`,
        kind: OrganizationKind.NGO,
        countryCode: code,
        description: 'Fictional benchmark data.',
        website: null,
        email: null,
        phone: null,
        status: VerificationStatus.VERIFIED,
        isDemo: true,
      });
      rows.organizationCountries.push({ organizationId, countryCode: code }, { organizationId, countryCode: neighbour });
      for (let s = 0; s < 2; s += 1) {
        const serviceId = stableId(`${key}:service:${s}`);
        const languages = [LANGUAGES[(c + s) % LANGUAGES.length], 'spa'].filter((l, i, all) => all.indexOf(l) === i);
        const type = s === 0 ? ServiceType.HOTLINE : ServiceType.LEGAL_AID;
        rows.services.push({
          id: serviceId,
          name: `Benchmark service ${code} ${round}.${s}`,
          type,
          description: null,
          organizationId,
          countryCode: code,
          city: null,
          languages,
          populations: [Population.WOMEN],
          free: true,
          phone: null,
          hours: null,
          latitude: null,
          longitude: null,
          // Rows inserted as plain objects skip the entity's @BeforeInsert: the derived columns are set here.
          organizationStatus: VerificationStatus.VERIFIED,
          updatedAt: at,
          ...placeKeys(null, at),
          isDemo: true,
        });
        for (const language of languages) rows.serviceLanguages.push({ serviceId, language, serviceType: type });
      }
      const practiceId = stableId(`${key}:practice`);
      rows.practices.push({
        id: practiceId,
        title: `Benchmark practice ${code} ${round}`,
        summary: 'Fictional benchmark data.',
        body: null,
        pillar: Pillar.PREVENTION,
        status: PracticeStatus.PUBLISHED,
        year: 2020,
        language: 'spa',
        sourceUrl: null,
        createdAt: at,
        submittedBy: null,
        isDemo: true,
      });
      rows.practiceCountries.push({ practiceId, countryCode: code });
      rows.practiceGuidelines.push(
        { practiceId, guidelineNumber: 1 + ((c + round) % 67) },
        { practiceId, guidelineNumber: 1 + ((c + round + 30) % 67) },
      );
      rows.practiceOrganizations.push({ practiceId, organizationId });
      rows.practiceAuthorities.push({ practiceId, authorityId });
      const agreementId = stableId(`${key}:agreement`);
      rows.agreements.push({
        id: agreementId,
        title: `Benchmark agreement ${code}-${neighbour} ${round}`,
        kind: AgreementKind.BILATERAL,
        status: AgreementStatus.SIGNED,
        summary: null,
        guidelineNumbers: [12, 29],
        signedOn: at,
        entryIntoForce: null,
        createdAt: at,
        updatedAt: at,
        recency: recencyKey(at),
        isDemo: true,
      });
      rows.parties.push(
        { agreementId, position: 0, countryCode: code, authorityId },
        { agreementId, position: 1, countryCode: neighbour, authorityId: stableId(`bench:${neighbour}:${round}:authority`) },
      );
    }
  });
  return rows;
}

async function insert<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.getRepository(entity).insert(rows.slice(i, i + 200));
}

const INSERTS: Partial<Record<SubgraphName, (db: DataSource, rows: BenchRows) => Promise<void>>> = {
  authorities: (db, rows) => insert(db, NationalAuthority, rows.authorities),
  organizations: async (db, rows) => {
    await insert(db, Organization, rows.organizations);
    await insert(db, OrganizationCountry, rows.organizationCountries);
    await insert(db, Service, rows.services);
    await insert(db, ServiceLanguage, rows.serviceLanguages);
    // The stems column every write path computes (kit/full-text.ts), as generate-data does.
    for (const index of [ORGANIZATIONS_INDEX, SERVICES_INDEX]) await refreshSearchStems(db.manager, index);
  },
  practices: async (db, rows) => {
    await insert(db, Practice, rows.practices);
    await insert(db, PracticeCountry, rows.practiceCountries);
    await insert(db, PracticeGuideline, rows.practiceGuidelines);
    await insert(db, PracticeOrganization, rows.practiceOrganizations);
    await insert(db, PracticeAuthority, rows.practiceAuthorities);
    await refreshSearchStems(db.manager, PRACTICES_INDEX);
  },
  agreements: async (db, rows) => {
    await insert(db, Agreement, rows.agreements);
    await insert(db, AgreementParty, rows.parties);
  },
};

/** Creates every subgraph's store (migrations, then its own seed: reference and demo data) and adds the bench rows. */
export async function seedBenchDataset(config: Config, scale: number): Promise<void> {
  const rows = benchRows(scale);
  const log = createLogger('bench', 'warn');
  for (const name of SUBGRAPHS) {
    const definition = SUBGRAPH_DEFINITIONS[name];
    const db = await openDatabase(config, { service: name, entities: definition.entities, migrations: definition.migrations });
    try {
      if (definition.seed) await definition.seed(db, config, log);
      await INSERTS[name]?.(db, rows);
    } finally {
      await db.destroy();
    }
  }
}
