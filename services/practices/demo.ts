import { DemoAuthoritySlot, demoAuthorityId, demoOrganizationId } from '../kit/demo-ids';
import { Population } from '../kit/enums';
import { stableId } from '../kit/ids';
import { Pillar, Practice, PracticeStatus } from './entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
  PracticePopulation,
} from './entities/practice-links.entity';

interface DemoPractice {
  slug: string;
  title: string;
  summary: string;
  body: string;
  pillar: Pillar;
  status?: PracticeStatus;
  /** The Secretariat's reason, for a REJECTED one. */
  reviewNote?: string;
  language: 'spa' | 'por' | 'fra' | 'eng';
  year: number;
  countries: string[];
  guidelines: number[];
  populations: Population[];
  organizations: string[];
  authorities: [string, DemoAuthoritySlot][];
}

const { WOMEN, MEN, CHILDREN, ADOLESCENTS, MIGRANTS, INDIGENOUS, LGBTI, FAMILIES } = Population;
const { PREVENTION, PROTECTION, PROSECUTION, PARTNERSHIP } = Pillar;

/** Fictional practices: the organizations and authorities are the demo ones of the other subgraphs. */
const PRACTICES: DemoPractice[] = [
  {
    slug: 'hotline-gt',
    title: 'Línea de ayuda multilingüe 24 horas (demo)',
    pillar: PREVENTION,
    language: 'spa',
    year: 2016,
    summary: 'Una línea gratuita atendida en español y en tres idiomas mayas recibe consultas y denuncias día y noche.',
    body: 'Práctica ficticia de demostración. Operadoras capacitadas derivan cada llamada a la red local de servicios.',
    countries: ['GT'],
    guidelines: [22, 23],
    populations: [WOMEN, CHILDREN, INDIGENOUS],
    organizations: ['casa-esperanza-gt'],
    authorities: [['GT', 'coordination']],
  },
  {
    slug: 'border-table-mx-gt',
    title: 'Mesa binacional de protección en la frontera sur (demo)',
    pillar: PROTECTION,
    language: 'spa',
    year: 2017,
    summary: 'Autoridades y organizaciones de ambos lados de la frontera coordinan la atención y el retorno seguro de víctimas.',
    body: 'Práctica ficticia de demostración. Reuniones mensuales, un directorio compartido y un formato común de referencia.',
    countries: ['GT', 'MX'],
    guidelines: [16, 57, 60],
    populations: [MIGRANTS, ADOLESCENTS],
    organizations: ['linea-libre-mx', 'casa-esperanza-gt'],
    authorities: [
      ['GT', 'protection'],
      ['MX', 'protection'],
    ],
  },
  {
    slug: 'evidence-unit-co',
    title: 'Unidad fiscal con pruebas más allá del testimonio (demo)',
    pillar: PROSECUTION,
    language: 'spa',
    year: 2015,
    summary: 'Una fiscalía especializada construye sus casos con pruebas financieras y digitales para no depender de la víctima.',
    body: 'Práctica ficticia de demostración. Equipos mixtos de fiscales, analistas financieros y peritos informáticos.',
    countries: ['CO'],
    guidelines: [36, 39, 40],
    populations: [WOMEN],
    organizations: ['defensa-legal-co'],
    authorities: [['CO', 'prosecution']],
  },
  {
    slug: 'rede-acolher-br',
    title: 'Rede de acolhimento e reinserção laboral (demo)',
    pillar: PROTECTION,
    language: 'por',
    year: 2016,
    summary: 'Sobreviventes recebem acolhimento, formação profissional e acompanhamento até o primeiro emprego.',
    body: 'Prática fictícia de demonstração. Empresas parceiras oferecem vagas com tutoria durante seis meses.',
    countries: ['BR'],
    guidelines: [46, 66],
    populations: [WOMEN, MEN],
    organizations: ['rede-acolher-br'],
    authorities: [['BR', 'protection']],
  },
  {
    slug: 'triple-border-campaign',
    title: 'Campanha trinacional na Tríplice Fronteira (demo)',
    pillar: PREVENTION,
    language: 'por',
    year: 2017,
    summary: 'Uma campanha em português, espanhol e guarani alerta jovens sobre ofertas de trabalho enganosas.',
    body: 'Prática fictícia de demonstração. Rádios comunitárias, escolas e terminais de ônibus dos três países.',
    countries: ['AR', 'BR', 'PY'],
    guidelines: [16, 22],
    populations: [ADOLESCENTS, MIGRANTS],
    organizations: ['rede-acolher-br', 'tekopora-py', 'puentes-ar'],
    authorities: [
      ['AR', 'coordination'],
      ['BR', 'coordination'],
      ['PY', 'coordination'],
    ],
  },
  {
    slug: 'birth-registration-ht',
    title: 'Enregistrement des naissances dans les communes frontalières (demo)',
    pillar: PREVENTION,
    language: 'fra',
    year: 2016,
    summary: 'Des brigades mobiles délivrent actes de naissance et pièces d’identité aux enfants des communes frontalières.',
    body: 'Pratique fictive de démonstration. Les brigades travaillent avec les écoles et les comités de quartier.',
    countries: ['HT'],
    guidelines: [20, 21],
    populations: [CHILDREN, FAMILIES],
    organizations: ['lakay-sekirite-ht'],
    authorities: [['HT', 'coordination']],
  },
  {
    slug: 'safe-return-ht',
    title: 'Protocole de rapatriement et de réintégration sûre (demo)',
    pillar: PROTECTION,
    language: 'fra',
    year: 2018,
    summary: 'Chaque retour est précédé d’une évaluation des risques et suivi d’un accompagnement d’un an.',
    body: 'Pratique fictive de démonstration. Le protocole associe services consulaires, familles et organisations locales.',
    countries: ['HT'],
    guidelines: [60, 64],
    populations: [WOMEN, CHILDREN],
    organizations: ['lakay-sekirite-ht'],
    authorities: [['HT', 'protection']],
  },
  {
    slug: 'altiplano-pe-bo',
    title: 'Prevención con comunidades quechua y aymara del altiplano (demo)',
    pillar: PREVENTION,
    language: 'spa',
    year: 2017,
    summary: 'Promotores comunitarios bilingües informan sobre la captación en ferias y rutas de transporte.',
    body: 'Práctica ficticia de demostración. Materiales en quechua, aymara y español elaborados con las comunidades.',
    countries: ['BO', 'PE'],
    guidelines: [19, 22, 65],
    populations: [INDIGENOUS, ADOLESCENTS],
    organizations: ['wasi-munay-pe', 'camino-seguro-bo'],
    authorities: [
      ['BO', 'coordination'],
      ['PE', 'coordination'],
    ],
  },
  {
    slug: 'garment-inspections-ar',
    title: 'Joint labour inspections in garment workshops (demo)',
    pillar: PARTNERSHIP,
    language: 'eng',
    year: 2018,
    summary: 'Labour inspectors, prosecutors and a workers’ organization inspect workshops together and refer workers to help.',
    body: 'Fictional demo practice. A shared checklist of indicators of forced labour guides every visit.',
    countries: ['AR'],
    guidelines: [32, 47],
    populations: [MIGRANTS, MEN],
    organizations: ['puentes-ar'],
    authorities: [['AR', 'prosecution']],
  },
  {
    slug: 'referral-protocol-sv',
    title: 'Protocolo nacional de atención y referencia de víctimas (demo)',
    pillar: PROTECTION,
    language: 'spa',
    year: 2015,
    summary: 'Un protocolo único define quién atiende a cada víctima, en qué plazo y cómo se la refiere.',
    body: 'Práctica ficticia de demostración. Incluye rutas diferenciadas para niñez y para personas LGBTI.',
    countries: ['SV'],
    guidelines: [50, 64],
    populations: [WOMEN, CHILDREN, LGBTI],
    organizations: ['manos-unidas-sv'],
    authorities: [
      ['SV', 'coordination'],
      ['SV', 'protection'],
    ],
  },
  {
    slug: 'data-focal-points',
    title: 'Regional network of trafficking data focal points (demo)',
    pillar: PARTNERSHIP,
    language: 'eng',
    year: 2018,
    summary: 'National data focal points agree on common indicators and exchange anonymised statistics every quarter.',
    body: 'Fictional demo practice. No data about victims is exchanged: only aggregated, anonymised figures.',
    countries: ['CO', 'MX', 'PE', 'SV'],
    guidelines: [8, 15, 44],
    populations: [],
    organizations: [],
    authorities: [
      ['CO', 'coordination'],
      ['MX', 'coordination'],
      ['PE', 'coordination'],
      ['SV', 'coordination'],
    ],
  },
  {
    slug: 'chaco-shelter-py',
    title: 'Albergue comunitario en el Chaco (demo, en revisión)',
    pillar: PROTECTION,
    language: 'spa',
    year: 2018,
    status: PracticeStatus.SUBMITTED,
    summary: 'Una comunidad ofrece alojamiento transitorio y acompañamiento a mujeres rescatadas en estancias rurales.',
    body: 'Práctica ficticia de demostración, aún no publicada: muestra que lo enviado no es público antes de la revisión.',
    countries: ['PY'],
    guidelines: [51, 65],
    populations: [WOMEN, INDIGENOUS],
    organizations: ['tekopora-py'],
    authorities: [['PY', 'protection']],
  },
  {
    slug: 'school-talks-hn',
    title: 'Charlas en escuelas sobre ofertas de empleo en redes sociales (demo, rechazada)',
    pillar: PREVENTION,
    language: 'spa',
    year: 2019,
    status: PracticeStatus.REJECTED,
    reviewNote:
      'Falta describir los resultados: ¿cuántas escuelas y estudiantes participaron, y qué cambió después? ' +
      'Agréguelos al resumen y envíela de nuevo.',
    summary: 'Voluntarios visitan escuelas secundarias para hablar de las ofertas de empleo engañosas en redes sociales.',
    body: 'Práctica ficticia de demostración, rechazada con una nota: muestra lo que la Secretaría pide antes de publicar.',
    countries: ['HN'],
    guidelines: [22],
    populations: [ADOLESCENTS],
    organizations: [],
    authorities: [],
  },
];

export const demoPracticeId = (slug: string): string => stableId(`demo:practice:${slug}`);

/** The demo library: the practice rows and the rows of each join table. */
export function demoPractices() {
  const practices = PRACTICES.map((demo, index) =>
    Object.assign(new Practice(), {
      id: demoPracticeId(demo.slug),
      title: demo.title,
      summary: demo.summary,
      body: demo.body,
      pillar: demo.pillar,
      status: demo.status ?? PracticeStatus.PUBLISHED,
      year: demo.year,
      language: demo.language,
      sourceUrl: `https://practices.demo.enlace.example/${demo.slug}`,
      reviewNote: demo.reviewNote ?? null,
      createdAt: new Date(Date.UTC(2025, 0, 10 + index, 12)),
      updatedAt: new Date(Date.UTC(2025, 0, 10 + index, 12)),
      submittedBy: null,
      isDemo: true,
    }),
  );
  const links = <T>(make: (practiceId: string, demo: DemoPractice) => T[]) =>
    PRACTICES.flatMap((demo) => make(demoPracticeId(demo.slug), demo));
  return {
    practices,
    countries: links((practiceId, d) =>
      d.countries.map((countryCode) => Object.assign(new PracticeCountry(), { practiceId, countryCode })),
    ),
    guidelines: links((practiceId, d) =>
      d.guidelines.map((guidelineNumber) => Object.assign(new PracticeGuideline(), { practiceId, guidelineNumber })),
    ),
    populations: links((practiceId, d) =>
      d.populations.map((population) => Object.assign(new PracticePopulation(), { practiceId, population })),
    ),
    organizations: links((practiceId, d) =>
      d.organizations.map((slug) => Object.assign(new PracticeOrganization(), { practiceId, organizationId: demoOrganizationId(slug) })),
    ),
    authorities: links((practiceId, d) =>
      d.authorities.map(([country, slot]) =>
        Object.assign(new PracticeAuthority(), { practiceId, authorityId: demoAuthorityId(country, slot) }),
      ),
    ),
  };
}
