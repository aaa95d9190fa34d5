import { DEMO_AUTHORITY_COUNTRIES, DemoAuthoritySlot, demoAuthorityId } from '../kit/demo-ids';
import { Competence, NationalAuthority } from './entities/national-authority.entity';

const PORTUGUESE = new Set(['BR']);
/** A fixed time, so that the demo directory is the same on every machine. */
const DEMO_UPDATED_AT = new Date('2026-01-01T00:00:00.000Z');
const FRENCH = new Set(['HT']);

const NAMES: Record<DemoAuthoritySlot, { es: string; pt: string; fr: string; acronym: string; competences: Competence[] }> = {
  coordination: {
    es: 'Comisión Interinstitucional de Demostración contra la Trata de Personas',
    pt: 'Comitê Nacional de Demonstração de Enfrentamento ao Tráfico de Pessoas',
    fr: 'Comité National de Démonstration contre la Traite des Personnes',
    acronym: 'CIDT',
    competences: [Competence.COORDINATION, Competence.PREVENTION, Competence.DATA_COLLECTION],
  },
  prosecution: {
    es: 'Fiscalía Especializada de Demostración en Trata de Personas',
    pt: 'Procuradoria Especial de Demonstração sobre Tráfico de Pessoas',
    fr: 'Parquet Spécial de Démonstration contre la Traite',
    acronym: 'FEDT',
    competences: [Competence.INVESTIGATION, Competence.PROSECUTION, Competence.MUTUAL_LEGAL_ASSISTANCE, Competence.EXTRADITION],
  },
  protection: {
    es: 'Unidad de Demostración de Protección a Víctimas',
    pt: 'Unidade de Demonstração de Proteção às Vítimas',
    fr: 'Unité de Démonstration de Protection des Victimes',
    acronym: 'UDPV',
    competences: [Competence.VICTIM_PROTECTION, Competence.MIGRATION, Competence.CONSULAR],
  },
};

/** A fictional directory: three authorities in each demo country, the coordinating one its contact point. */
export function demoAuthorities(): NationalAuthority[] {
  return DEMO_AUTHORITY_COUNTRIES.flatMap((country) =>
    (Object.keys(NAMES) as DemoAuthoritySlot[]).map((slot) => {
      const names = NAMES[slot];
      const language = PORTUGUESE.has(country) ? 'pt' : FRENCH.has(country) ? 'fr' : 'es';
      const domain = `${slot}.${country.toLowerCase()}.demo.enlace.example`;
      return Object.assign(new NationalAuthority(), {
        id: demoAuthorityId(country, slot),
        name: `${names[language]} (${country}, demo)`,
        acronym: `${names.acronym}-${country}`,
        countryCode: country,
        competences: names.competences,
        website: `https://${domain}`,
        email: `contacto@${domain}`,
        phone: '+1 555 0100',
        description: null,
        isContactPoint: slot === 'coordination',
        archived: false,
        updatedAt: DEMO_UPDATED_AT,
        isDemo: true,
      });
    }),
  );
}
