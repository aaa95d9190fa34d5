import type { DEMO_ORGANIZATIONS } from '../kit/demo-ids';
import { Population as P } from '../kit/enums';
import { OrganizationKind as K } from './entities/organization.entity';
import { ServiceCoverage as C, ServiceType as T } from './entities/service.entity';
import { ShelterKind as S } from './entities/shelter.entity';

export type DemoSlug = (typeof DEMO_ORGANIZATIONS)[number]['slug'];

export interface DemoService {
  type: T;
  name: string;
  description: string;
  /** City, latitude, longitude: exact here; the public gets a shelter's position coarsened at read time. */
  at: [string, number, number];
  languages: string[];
  populations: P[];
  hours: string;
  shelter?: { kind: S; capacity: number; ages: [number | null, number | null]; address: string; availableBeds: number };
  /** Default LOCAL. */
  coverage?: C;
  /** An archived service: out of every public list, seen by its members and the Secretariat. */
  archived?: boolean;
}

export interface DemoOrganization {
  name: string;
  kind: K;
  description: string;
  /** Countries served, its own first. */
  served: string[];
  services: DemoService[];
}

const ALL = [P.WOMEN, P.MEN, P.CHILDREN, P.ADOLESCENTS, P.MIGRANTS];

/** The fictional directory of organizations: every name says "demo", every address is made up. */
export const DEMO_DATA: Record<DemoSlug, DemoOrganization> = {
  'casa-esperanza-gt': {
    name: 'Casa Esperanza (demo)',
    kind: K.NGO,
    description: 'Organización ficticia de demostración: acogida y acompañamiento de sobrevivientes de trata.',
    served: ['GT', 'SV', 'HN', 'MX'],
    services: [
      {
        type: T.SHELTER,
        name: 'Albergue Casa Esperanza (demo)',
        description: 'Acogida de emergencia para adolescentes.',
        at: ['Ciudad de Guatemala', 14.6349, -90.5069],
        languages: ['spa', 'quc', 'cak'],
        populations: [P.WOMEN, P.ADOLESCENTS, P.CHILDREN],
        hours: '24/7',
        shelter: { kind: S.EMERGENCY, capacity: 24, ages: [12, 17], address: 'Calle Demo 123, Zona 1', availableBeds: 6 },
      },
      {
        type: T.HOTLINE,
        name: 'Línea Esperanza 24 horas (demo)',
        description: 'Orientación telefónica en español, k’iche’ y mam.',
        at: ['Quetzaltenango', 14.8347, -91.518],
        languages: ['spa', 'quc', 'mam'],
        populations: ALL,
        hours: '24/7',
        coverage: C.NATIONAL,
      },
      {
        type: T.PSYCHOSOCIAL,
        name: 'Acompañamiento psicosocial Casa Esperanza (demo)',
        description: 'Grupos de apoyo en kaqchikel y español.',
        at: ['Chimaltenango', 14.6611, -90.8194],
        languages: ['spa', 'cak'],
        populations: [P.WOMEN, P.INDIGENOUS],
        hours: 'Lun-Vie 8:00-16:00',
      },
    ],
  },
  'linea-libre-mx': {
    name: 'Línea Libre (demo)',
    kind: K.NGO,
    description: 'Organización ficticia de demostración: línea de denuncia y apoyo jurídico a personas migrantes.',
    served: ['MX', 'GT', 'US'],
    services: [
      {
        type: T.HOTLINE,
        name: 'Línea Libre nacional (demo)',
        description: 'Denuncia anónima y orientación.',
        at: ['Ciudad de México', 19.4326, -99.1332],
        languages: ['spa', 'eng'],
        populations: ALL,
        hours: '24/7',
      },
      {
        type: T.LEGAL_AID,
        name: 'Asesoría jurídica Línea Libre (demo)',
        description: 'Representación legal gratuita.',
        at: ['Ciudad de México', 19.427, -99.1677],
        languages: ['spa'],
        populations: [P.MIGRANTS, P.WOMEN],
        hours: 'Lun-Vie 9:00-18:00',
      },
      {
        type: T.SHELTER,
        name: 'Casa de tránsito Línea Libre (demo)',
        description: 'Alojamiento temporal para familias migrantes.',
        at: ['Tapachula', 14.9056, -92.2634],
        languages: ['spa', 'mam', 'eng'],
        populations: [P.MIGRANTS, P.FAMILIES, P.CHILDREN],
        hours: '24/7',
        shelter: { kind: S.TRANSITIONAL, capacity: 30, ages: [null, null], address: 'Avenida Demo 45, Centro', availableBeds: 9 },
      },
    ],
  },
  'defensa-legal-co': {
    name: 'Clínica Jurídica Defensa Legal (demo)',
    kind: K.ACADEMIC,
    description: 'Consultorio jurídico universitario ficticio de demostración.',
    served: ['CO', 'VE', 'EC', 'PA'],
    services: [
      {
        type: T.LEGAL_AID,
        name: 'Consultorio jurídico Defensa Legal (demo)',
        description: 'Asesoría y litigio estratégico.',
        at: ['Bogotá', 4.711, -74.0721],
        languages: ['spa', 'eng'],
        populations: [P.WOMEN, P.MEN, P.MIGRANTS],
        hours: 'Lun-Vie 8:00-17:00',
      },
      {
        type: T.CASE_MANAGEMENT,
        name: 'Gestión de casos Defensa Legal (demo)',
        description: 'Seguimiento de casos con las autoridades.',
        at: ['Medellín', 6.2442, -75.5812],
        languages: ['spa'],
        populations: [P.WOMEN, P.LGBTI, P.ADOLESCENTS],
        hours: 'Lun-Vie 8:00-17:00',
      },
      {
        type: T.VOCATIONAL_TRAINING,
        name: 'Taller de oficios Defensa Legal (demo)',
        description: 'Formación para el empleo.',
        at: ['Cali', 3.4516, -76.532],
        languages: ['spa'],
        populations: [P.WOMEN, P.MIGRANTS],
        hours: 'Sáb 9:00-13:00',
      },
    ],
  },
  'wasi-munay-pe': {
    name: 'Wasi Munay (demo)',
    kind: K.COMMUNITY,
    description: 'Asociación comunitaria ficticia de demostración en los Andes del sur.',
    served: ['PE', 'BO'],
    services: [
      {
        type: T.SHELTER,
        name: 'Casa de acogida Wasi Munay (demo)',
        description: 'Acogida de larga estancia para niñas y adolescentes.',
        at: ['Cusco', -13.5319, -71.9675],
        languages: ['quz', 'spa'],
        populations: [P.ADOLESCENTS, P.CHILDREN, P.INDIGENOUS],
        hours: '24/7',
        shelter: { kind: S.LONG_TERM, capacity: 16, ages: [10, 17], address: 'Jirón Demo 77, San Blas', availableBeds: 3 },
      },
      {
        type: T.PSYCHOSOCIAL,
        name: 'Escucha y acompañamiento Wasi Munay (demo)',
        description: 'Atención psicológica en quechua.',
        at: ['Lima', -12.0464, -77.0428],
        languages: ['spa', 'quy', 'que'],
        populations: [P.WOMEN, P.INDIGENOUS],
        hours: 'Lun-Sáb 9:00-17:00',
      },
      {
        type: T.EDUCATION,
        name: 'Escuela de prevención Wasi Munay (demo)',
        description: 'Talleres de prevención en colegios.',
        at: ['Puno', -15.8402, -70.0219],
        languages: ['spa', 'aym', 'que'],
        populations: [P.ADOLESCENTS, P.INDIGENOUS],
        hours: 'Lun-Vie 8:00-13:00',
      },
    ],
  },
  'tekopora-py': {
    name: 'Pastoral Tekoporã (demo)',
    kind: K.FAITH_BASED,
    description: 'Pastoral social ficticia de demostración en la triple frontera.',
    served: ['PY', 'AR', 'BR'],
    services: [
      {
        type: T.HEALTH,
        name: 'Atención en salud Tekoporã (demo)',
        description: 'Consultas de salud en guaraní y español.',
        at: ['Asunción', -25.2637, -57.5759],
        languages: ['spa', 'gug'],
        populations: [P.WOMEN, P.CHILDREN, P.FAMILIES],
        hours: 'Lun-Vie 7:00-15:00',
      },
      {
        type: T.SHELTER,
        name: 'Refugio Tekoporã (demo)',
        description: 'Refugio de emergencia en la frontera.',
        at: ['Ciudad del Este', -25.5097, -54.6111],
        languages: ['gug', 'grn', 'spa', 'por'],
        populations: [P.WOMEN, P.ADOLESCENTS, P.MIGRANTS],
        hours: '24/7',
        shelter: { kind: S.EMERGENCY, capacity: 12, ages: [14, null], address: 'Calle Demo 9, Barrio Obrero', availableBeds: 4 },
      },
    ],
  },
  'lakay-sekirite-ht': {
    name: 'Lakay Sekirite (demo)',
    kind: K.NGO,
    description: 'Organisation fictive de démonstration : protection des enfants et retour accompagné.',
    served: ['HT', 'DO'],
    services: [
      {
        type: T.SHELTER,
        name: 'Kay akèy Lakay Sekirite (demo)',
        description: 'Accueil d’urgence pour enfants.',
        at: ['Port-au-Prince', 18.5944, -72.3074],
        languages: ['hat', 'fra'],
        populations: [P.CHILDREN, P.ADOLESCENTS],
        hours: '24/7',
        shelter: { kind: S.EMERGENCY, capacity: 20, ages: [6, 17], address: 'Rue Démo 12, Turgeau', availableBeds: 5 },
      },
      {
        type: T.HOTLINE,
        name: 'Liy dirèk Lakay Sekirite (demo)',
        description: 'Ligne d’écoute en créole et en français.',
        at: ['Port-au-Prince', 18.5392, -72.3364],
        languages: ['hat', 'fra'],
        populations: ALL,
        hours: '24/7',
      },
      {
        type: T.REPATRIATION,
        name: 'Accompagnement au retour Lakay Sekirite (demo)',
        description: 'Retour accompagné depuis la République dominicaine.',
        at: ['Cap-Haïtien', 19.7594, -72.1981],
        languages: ['hat', 'fra', 'spa'],
        populations: [P.MIGRANTS, P.FAMILIES],
        hours: 'Lun-Ven 8:00-16:00',
      },
    ],
  },
  'camino-seguro-bo': {
    name: 'Camino Seguro Internacional (demo)',
    kind: K.INTERNATIONAL,
    description: 'Red internacional ficticia de demostración con sede en La Paz.',
    served: ['BO', 'PE', 'CL', 'AR', 'PY'],
    services: [
      {
        type: T.HOTLINE,
        name: 'Línea Camino Seguro (demo)',
        description: 'Orientación en español, aymara y quechua.',
        at: ['La Paz', -16.4897, -68.1193],
        languages: ['spa', 'aym', 'que'],
        populations: ALL,
        hours: '24/7',
      },
      {
        type: T.VOCATIONAL_TRAINING,
        name: 'Formación laboral Camino Seguro (demo)',
        description: 'Capacitación técnica y emprendimiento.',
        at: ['El Alto', -16.5046, -68.1633],
        languages: ['aym', 'spa'],
        populations: [P.WOMEN, P.ADOLESCENTS, P.INDIGENOUS],
        hours: 'Lun-Vie 14:00-20:00',
      },
      {
        type: T.LEGAL_AID,
        name: 'Defensoría Camino Seguro (demo)',
        description: 'Asistencia legal a víctimas de trata laboral.',
        at: ['Santa Cruz de la Sierra', -17.7833, -63.1821],
        languages: ['spa', 'que'],
        populations: [P.MIGRANTS, P.MEN, P.WOMEN],
        hours: 'Lun-Vie 8:30-16:30',
      },
    ],
  },
  'rede-acolher-br': {
    name: 'Rede Acolher (demo)',
    kind: K.COMMUNITY,
    description: 'Rede comunitária fictícia de demonstração: acolhimento e interpretação para pessoas migrantes.',
    served: ['BR', 'PY', 'BO', 'VE'],
    services: [
      {
        type: T.SHELTER,
        name: 'Casa Acolher (demo)',
        description: 'Acolhimento de transição para mulheres e pessoas LGBTI.',
        at: ['São Paulo', -23.5505, -46.6333],
        languages: ['por', 'spa'],
        populations: [P.WOMEN, P.LGBTI, P.MIGRANTS],
        hours: '24/7',
        shelter: { kind: S.TRANSITIONAL, capacity: 18, ages: [18, null], address: 'Rua Demo 100, Centro', availableBeds: 7 },
      },
      {
        type: T.INTERPRETATION,
        name: 'Intérpretes Rede Acolher (demo)',
        description: 'Interpretação em português, espanhol, inglês, francês e crioulo.',
        at: ['Manaus', -3.119, -60.0217],
        languages: ['por', 'spa', 'eng', 'fra', 'hat'],
        populations: [P.MIGRANTS],
        hours: 'Seg-Sex 8:00-18:00',
      },
      {
        type: T.HEALTH,
        name: 'Saúde Acolher (demo)',
        description: 'Atendimento de saúde e acessibilidade.',
        at: ['Manaus', -3.13, -60.023],
        languages: ['por', 'spa'],
        populations: [P.WOMEN, P.PERSONS_WITH_DISABILITIES],
        hours: 'Seg-Sex 7:00-19:00',
      },
    ],
  },
  'puentes-ar': {
    name: 'Red Sindical Puentes (demo)',
    kind: K.TRADE_UNION,
    description: 'Red sindical ficticia de demostración contra la trata con fines de explotación laboral.',
    served: ['AR', 'UY', 'PY', 'BO', 'CL'],
    services: [
      {
        type: T.LEGAL_AID,
        name: 'Asesoría laboral Puentes (demo)',
        description: 'Reclamos laborales y denuncias.',
        at: ['Buenos Aires', -34.6037, -58.3816],
        languages: ['spa', 'gug'],
        populations: [P.MEN, P.MIGRANTS],
        hours: 'Lun-Vie 10:00-18:00',
      },
      {
        type: T.REINTEGRATION,
        name: 'Bolsa de empleo Puentes (demo)',
        description: 'Reinserción laboral con empleadores adheridos.',
        at: ['Mendoza', -32.8895, -68.8458],
        languages: ['spa', 'aym', 'que'],
        populations: [P.MEN, P.WOMEN, P.MIGRANTS],
        hours: 'Lun-Vie 9:00-15:00',
      },
    ],
  },
  'manos-unidas-sv': {
    name: 'Manos Unidas (demo)',
    kind: K.FAITH_BASED,
    description: 'Obra social ficticia de demostración: hogar y apoyo a familias.',
    served: ['SV', 'GT', 'HN'],
    services: [
      {
        type: T.SHELTER,
        name: 'Hogar Manos Unidas (demo)',
        description: 'Hogar de larga estancia para mujeres con sus hijos.',
        at: ['San Salvador', 13.6929, -89.2182],
        languages: ['spa'],
        populations: [P.WOMEN, P.CHILDREN, P.FAMILIES],
        hours: '24/7',
        shelter: { kind: S.LONG_TERM, capacity: 14, ages: [null, null], address: 'Pasaje Demo 5, Colonia Escalón', availableBeds: 2 },
      },
      {
        type: T.PSYCHOSOCIAL,
        name: 'Grupo de apoyo Manos Unidas (demo)',
        description: 'Grupos de apoyo mutuo.',
        at: ['Santa Ana', 13.9942, -89.5597],
        languages: ['spa'],
        populations: [P.WOMEN, P.OLDER_PERSONS],
        hours: 'Mié 15:00-18:00',
      },
      {
        type: T.CASE_MANAGEMENT,
        name: 'Acompañamiento de casos Manos Unidas (demo)',
        description: 'Acompañamiento a familias retornadas.',
        at: ['San Miguel', 13.4833, -88.1833],
        languages: ['spa', 'eng'],
        populations: [P.FAMILIES, P.CHILDREN],
        hours: 'Lun-Vie 8:00-16:00',
      },
      {
        type: T.VOCATIONAL_TRAINING,
        name: 'Taller de costura Manos Unidas (demo)',
        description: 'Taller cerrado y archivado: fuera de las listas públicas; sus miembros y la Secretaría aún lo ven.',
        at: ['San Salvador', 13.7, -89.2],
        languages: ['spa'],
        populations: [P.WOMEN],
        hours: 'Sáb 9:00-12:00',
        archived: true,
      },
    ],
  },
};
