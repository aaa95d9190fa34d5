import { DEMO_ORGANIZATIONS, demoOrganizationId } from '../kit/demo-ids';
import { stableId } from '../kit/ids';
import { Membership } from './entities/membership.entity';
import { OrganizationCountry } from './entities/organization-country.entity';
import { Organization, VerificationStatus } from './entities/organization.entity';
import { ServiceLanguage } from './entities/service-language.entity';
import { ServicePopulation } from './entities/service-population.entity';
import { Service, ServiceCoverage } from './entities/service.entity';
import { Shelter } from './entities/shelter.entity';
import { DEMO_DATA, DemoService } from './demo-data';
import { nameKey } from './names';

export interface DemoRows {
  organizations: Organization[];
  organizationCountries: OrganizationCountry[];
  services: Service[];
  serviceLanguages: ServiceLanguage[];
  servicePopulations: ServicePopulation[];
  shelters: Shelter[];
  memberships: Membership[];
}

/** A fixed time for the demo rows, so that seeding again on every start changes none of them. */
const DEMO_TIME = new Date('2025-01-15T12:00:00.000Z');

/**
 * Casa Esperanza shows an organization run by a team: two members, its registrant and a colleague added
 * later. Accounts ships no demo users, so these ids have no account: the Secretariat sees them as ids only.
 */
export const DEMO_MEMBERS: { slug: DemoOrganizationSlug; userId: string; since: Date }[] = [
  { slug: 'casa-esperanza-gt', userId: stableId('demo:user:casa-esperanza-gt:1'), since: DEMO_TIME },
  { slug: 'casa-esperanza-gt', userId: stableId('demo:user:casa-esperanza-gt:2'), since: new Date('2025-02-03T09:30:00.000Z') },
];
type DemoOrganizationSlug = (typeof DEMO_ORGANIZATIONS)[number]['slug'];

const CONTACT_WORD: Record<string, string> = { BR: 'contato', HT: 'contact' };
/** Fictional numbers of the +1 555 0100-0199 range: organizations 0101-0110, services from 0111. */
const phone = (n: number) => `+1 555 01${String(n).padStart(2, '0')}`;

function demoService(slug: string, country: string, organizationId: string, index: number, data: DemoService, phoneNumber: number) {
  const [city, latitude, longitude] = data.at;
  return Object.assign(new Service(), {
    id: stableId(`demo:service:${slug}:${index + 1}`),
    name: data.name,
    type: data.type,
    description: data.description,
    organizationId,
    organizationStatus: VerificationStatus.VERIFIED,
    countryCode: country,
    city,
    languages: data.languages,
    populations: data.populations,
    free: true,
    phone: phone(phoneNumber),
    hours: data.hours,
    latitude,
    longitude,
    coverage: data.coverage ?? ServiceCoverage.LOCAL,
    archived: data.archived ?? false,
    isDemo: true,
  });
}

/** The fictional directory: every demo organization VERIFIED, with its services, shelters and join rows. */
export function demoRows(): DemoRows {
  const rows: DemoRows = {
    organizations: [],
    organizationCountries: [],
    services: [],
    serviceLanguages: [],
    servicePopulations: [],
    shelters: [],
    memberships: DEMO_MEMBERS.map(({ slug, userId, since }) =>
      Object.assign(new Membership(), { userId, organizationId: demoOrganizationId(slug), createdAt: since }),
    ),
  };
  let servicePhone = 11;
  DEMO_ORGANIZATIONS.forEach(({ slug, country }, i) => {
    const data = DEMO_DATA[slug];
    const id = demoOrganizationId(slug);
    const domain = `${slug}.demo.enlace.example`;
    rows.organizations.push(
      Object.assign(new Organization(), {
        id,
        name: data.name,
        nameKey: nameKey(data.name),
        kind: data.kind,
        countryCode: country,
        description: data.description,
        website: `https://${domain}`,
        email: `${CONTACT_WORD[country] ?? 'contacto'}@${domain}`,
        phone: phone(i + 1),
        status: VerificationStatus.VERIFIED,
        isDemo: true,
        createdAt: DEMO_TIME,
        updatedAt: DEMO_TIME,
      }),
    );
    for (const served of data.served) {
      rows.organizationCountries.push(Object.assign(new OrganizationCountry(), { organizationId: id, countryCode: served }));
    }
    data.services.forEach((serviceData, n) => {
      const service = demoService(slug, country, id, n, serviceData, servicePhone++);
      rows.services.push(service);
      for (const language of service.languages) {
        rows.serviceLanguages.push(Object.assign(new ServiceLanguage(), { serviceId: service.id, language, serviceType: service.type }));
      }
      for (const population of service.populations) {
        rows.servicePopulations.push(Object.assign(new ServicePopulation(), { serviceId: service.id, population }));
      }
      if (serviceData.shelter) {
        const { ages, ...details } = serviceData.shelter;
        rows.shelters.push(Object.assign(new Shelter(), { serviceId: service.id, ...details, minAge: ages[0], maxAge: ages[1] }));
      }
    });
  });
  return rows;
}
