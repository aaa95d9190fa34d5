import { DEMO_ORGANIZATIONS, demoOrganizationId } from '../kit/demo-ids';
import { stableId } from '../kit/ids';
import { OrganizationCountry } from './entities/organization-country.entity';
import { Organization, VerificationStatus } from './entities/organization.entity';
import { ServiceLanguage } from './entities/service-language.entity';
import { ServicePopulation } from './entities/service-population.entity';
import { Service, ServiceCoverage } from './entities/service.entity';
import { Shelter } from './entities/shelter.entity';
import { DEMO_DATA, DemoService } from './demo-data';

export interface DemoRows {
  organizations: Organization[];
  organizationCountries: OrganizationCountry[];
  services: Service[];
  serviceLanguages: ServiceLanguage[];
  servicePopulations: ServicePopulation[];
  shelters: Shelter[];
}

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
        kind: data.kind,
        countryCode: country,
        description: data.description,
        website: `https://${domain}`,
        email: `${CONTACT_WORD[country] ?? 'contacto'}@${domain}`,
        phone: phone(i + 1),
        status: VerificationStatus.VERIFIED,
        isDemo: true,
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
