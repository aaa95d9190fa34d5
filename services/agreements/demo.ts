import { DemoAuthoritySlot, demoAuthorityId } from '../kit/demo-ids';
import { stableId } from '../kit/ids';
import { recencyKey } from '../kit/change-log';
import { Agreement, AgreementKind, AgreementStatus, HIDDEN_STATUSES } from './entities/agreement.entity';
import { AgreementGuideline } from './entities/agreement-guideline.entity';
import { AgreementParty } from './entities/agreement-party.entity';

interface DemoAgreement {
  slug: string;
  title: string;
  summary: string;
  kind: AgreementKind;
  status: AgreementStatus;
  /**
   * A party's country, the slot of its demo authority (null: the agreement names none), and the day it
   * signed when not the agreement's signedOn (the last signature); a party of a draft signed only if dated.
   */
  parties: [string, DemoAuthoritySlot | null, string?][];
  guidelines: number[];
  signedOn?: string;
  entryIntoForce?: string;
}

const { BILATERAL, MULTILATERAL, MEMORANDUM, VICTIM_REFERRAL, MUTUAL_LEGAL_ASSISTANCE } = AgreementKind;
const { INFORMATION_EXCHANGE, JOINT_INVESTIGATION, EXTRADITION } = AgreementKind;
const { DRAFT, SIGNED, IN_FORCE, SUSPENDED, TERMINATED, WITHDRAWN } = AgreementStatus;

/** A fictional register between the demo countries; dates only where the status implies them. */
const AGREEMENTS: DemoAgreement[] = [
  {
    slug: 'bilateral-gt-mx',
    kind: BILATERAL,
    status: IN_FORCE,
    signedOn: '2015-06-18',
    entryIntoForce: '2016-01-01',
    title: 'Acuerdo bilateral Guatemala–México contra la trata de personas (demo)',
    summary: 'Ficticio. Coordinación fronteriza, intercambio de información y protección de víctimas de ambos países.',
    parties: [
      ['GT', 'coordination', '2015-06-11'],
      ['MX', 'coordination'],
    ],
    guidelines: [5, 16, 57],
  },
  {
    slug: 'southern-cone',
    kind: MULTILATERAL,
    status: IN_FORCE,
    signedOn: '2016-03-10',
    entryIntoForce: '2016-11-01',
    title: 'Convenio multilateral del Cono Sur sobre cooperación contra la trata (demo)',
    summary: 'Ficticio. Cuatro Estados crean una red de puntos de contacto y capacitaciones conjuntas.',
    parties: [
      ['AR', 'coordination'],
      ['BO', 'coordination'],
      ['BR', 'coordination'],
      ['PY', null],
    ],
    guidelines: [5, 14, 38],
  },
  {
    slug: 'training-co-pe',
    kind: MEMORANDUM,
    status: SIGNED,
    signedOn: '2017-08-22',
    title: 'Memorando de entendimiento Colombia–Perú sobre capacitación conjunta (demo)',
    summary: 'Ficticio. Fiscales y policías de ambos países se forman juntos en técnicas de investigación.',
    parties: [
      ['CO', 'coordination'],
      ['PE', 'coordination'],
    ],
    guidelines: [12, 37],
  },
  {
    slug: 'referral-gt-sv',
    kind: VICTIM_REFERRAL,
    status: IN_FORCE,
    signedOn: '2016-09-05',
    entryIntoForce: '2017-01-15',
    title: 'Protocolo de referencia de víctimas Guatemala–El Salvador (demo)',
    summary: 'Ficticio. Un procedimiento común para referir y acompañar a las víctimas en su retorno.',
    parties: [
      ['GT', 'protection'],
      ['SV', 'protection'],
    ],
    guidelines: [57, 60, 64],
  },
  {
    slug: 'legal-assistance-br-mx',
    kind: MUTUAL_LEGAL_ASSISTANCE,
    status: IN_FORCE,
    signedOn: '2017-04-03',
    entryIntoForce: '2018-02-01',
    title: 'Mutual legal assistance arrangement Brazil–Mexico on trafficking cases (demo)',
    summary: 'Fictional. Direct channels between prosecutors for evidence requests in trafficking cases.',
    parties: [
      ['BR', 'prosecution'],
      ['MX', 'prosecution'],
    ],
    guidelines: [29, 41, 42],
  },
  {
    slug: 'andean-data',
    kind: INFORMATION_EXCHANGE,
    status: SUSPENDED,
    signedOn: '2015-11-20',
    entryIntoForce: '2016-05-01',
    title: 'Acuerdo andino de intercambio de información sobre trata (demo)',
    summary: 'Ficticio. Intercambio trimestral de estadísticas anonimizadas, suspendido mientras se revisa su protección de datos.',
    parties: [
      ['BO', 'prosecution'],
      ['CO', 'prosecution'],
      ['PE', 'prosecution'],
    ],
    guidelines: [38, 41, 44],
  },
  {
    slug: 'joint-team-ht-mx',
    kind: JOINT_INVESTIGATION,
    status: TERMINATED,
    signedOn: '2015-02-12',
    entryIntoForce: '2015-03-01',
    title: 'Accord d’équipe commune d’enquête Haïti–Mexique (demo)',
    summary: 'Fictif. Une équipe commune d’enquête sur un réseau de recrutement, dissoute à la fin de l’affaire.',
    parties: [
      ['HT', 'prosecution'],
      ['MX', 'prosecution'],
    ],
    guidelines: [41],
  },
  {
    slug: 'extradition-gt-co',
    kind: EXTRADITION,
    status: DRAFT,
    title: 'Proyecto de tratado de extradición Guatemala–Colombia (demo, borrador)',
    summary:
      'Ficticio y en negociación: un borrador que solo ven las autoridades de las partes y la Secretaría. Guatemala ya firmó; falta Colombia.',
    parties: [
      ['GT', 'prosecution', '2025-01-20'],
      ['CO', 'prosecution'],
    ],
    guidelines: [29, 42],
  },
  {
    slug: 'withdrawn-pe-py',
    kind: INFORMATION_EXCHANGE,
    status: WITHDRAWN,
    title: 'Borrador retirado de intercambio de datos Perú–Paraguay (demo)',
    summary: 'Ficticio. Un borrador abandonado antes de que firmaran todas las partes: nunca es público.',
    parties: [
      ['PE', 'coordination', '2024-10-02'],
      ['PY', 'coordination'],
    ],
    guidelines: [38],
  },
];

export const demoAgreementId = (slug: string): string => stableId(`demo:agreement:${slug}`);

const date = (day: string | undefined): Date | null => (day ? new Date(`${day}T00:00:00.000Z`) : null);

/** When a demo party signed: the day it names, else, once every party has signed, the agreement's signedOn. */
function partySignedOn(demo: DemoAgreement, day: string | undefined): Date | null {
  if (day) return date(day);
  return HIDDEN_STATUSES.includes(demo.status) ? null : date(demo.signedOn);
}

/** The demo register: agreement rows, their party rows and their guideline links. */
export function demoAgreements(): { agreements: Agreement[]; parties: AgreementParty[]; guidelines: AgreementGuideline[] } {
  const agreements = AGREEMENTS.map((demo, index) => {
    const createdAt = new Date(Date.UTC(2025, 1, 1 + index, 9));
    return Object.assign(new Agreement(), {
      id: demoAgreementId(demo.slug),
      title: demo.title,
      kind: demo.kind,
      status: demo.status,
      summary: demo.summary,
      guidelineNumbers: demo.guidelines,
      signedOn: date(demo.signedOn),
      entryIntoForce: date(demo.entryIntoForce),
      createdAt,
      updatedAt: createdAt,
      recency: recencyKey(createdAt),
      isDemo: true,
    });
  });
  const parties = AGREEMENTS.flatMap((demo) =>
    demo.parties.map(([countryCode, slot, day], position) =>
      Object.assign(new AgreementParty(), {
        agreementId: demoAgreementId(demo.slug),
        position,
        countryCode,
        authorityId: slot ? demoAuthorityId(countryCode, slot) : null,
        signedOn: partySignedOn(demo, day),
      }),
    ),
  );
  const guidelines = AGREEMENTS.flatMap((demo) =>
    demo.guidelines.map((guidelineNumber) =>
      Object.assign(new AgreementGuideline(), { agreementId: demoAgreementId(demo.slug), guidelineNumber }),
    ),
  );
  return { agreements, parties, guidelines };
}
