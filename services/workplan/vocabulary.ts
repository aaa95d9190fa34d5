import fs from 'node:fs';
import { Field, ObjectType } from 'type-graphql';
import { NAME_LANGUAGES, type NameLanguage } from '../kit/language-names';
import { dataFile } from './data/workplan-data';

/** One language's file: enum name -> value -> its words. */
export type VocabularyFile = Record<string, Record<string, { label: string; description?: string }>>;

@ObjectType({ description: 'The words for a code: what a front-end shows instead of the enum value.' })
export class Label {
  @Field({ description: 'The enum value or code, e.g. SHELTER.' })
  code: string;

  @Field({ description: 'A short label, e.g. "Albergue".' })
  label: string;

  @Field(() => String, {
    nullable: true,
    description: 'A sentence that explains it, for a tooltip or a help text; null when the label says it all.',
  })
  description: string | null;
}

/**
 * The fields of Vocabulary and the enum each one labels, in the API's order: the contract's first, then
 * every other public enum. A value of an enum listed here has a label in each language's file
 * (test/workplan/vocabulary.test.ts holds the files to the composed API schema).
 */
export const VOCABULARY_FIELDS = {
  serviceTypes: 'ServiceType',
  populations: 'Population',
  competences: 'Competence',
  organizationKinds: 'OrganizationKind',
  shelterKinds: 'ShelterKind',
  pillars: 'Pillar',
  agreementKinds: 'AgreementKind',
  agreementStatuses: 'AgreementStatus',
  guidelineSections: 'GuidelineSection',
  progress: 'Progress',
  verificationStatuses: 'VerificationStatus',
  serviceCoverages: 'ServiceCoverage',
  serviceOrders: 'ServiceOrder',
  practiceStatuses: 'PracticeStatus',
  agreementEventKinds: 'AgreementEventKind',
  agreementOrders: 'AgreementOrder',
  roles: 'Role',
  reportStatuses: 'ReportStatus',
  authorityChangeKinds: 'AuthorityChangeKind',
  organizationChangeKinds: 'OrganizationChangeKind',
  practiceChangeKinds: 'PracticeChangeKind',
  agreementChangeKinds: 'AgreementChangeKind',
  reportChangeKinds: 'ReportChangeKind',
  reportEventKinds: 'ReportEventKind',
} as const;
export type VocabularyField = keyof typeof VOCABULARY_FIELDS;

@ObjectType({
  description:
    "The labels of the API's enums in one language, each list in the enum's order. It changes only with a release: cache it for the session.",
})
export class Vocabulary {
  @Field({ description: 'The language of the labels: es, en, pt or fr.' })
  language: string;
}
/** A Vocabulary with its lists, one per field of VOCABULARY_FIELDS (declared by the loop below). */
export type VocabularyLists = Vocabulary & Record<VocabularyField, Label[]>;

// One field per enum, from the table above, so that adding an enum is one line of it.
for (const [field, enumName] of Object.entries(VOCABULARY_FIELDS)) {
  Field(() => [Label], { description: `The values of ${enumName}.` })(Vocabulary.prototype, field);
}

/** Path of a language's file, services/workplan/data/vocabulary/<language>.json. */
export const vocabularyFile = (language: NameLanguage): string => dataFile(`vocabulary/${language}.json`);

let vocabularies: Map<NameLanguage, VocabularyLists> | null = null;

/** The vocabulary of a language, read from its file once: the files change only with a release. */
export function vocabulary(language: NameLanguage): VocabularyLists {
  if (!vocabularies) {
    vocabularies = new Map(
      NAME_LANGUAGES.map((name) => [name, fromFile(name, JSON.parse(fs.readFileSync(vocabularyFile(name), 'utf8')) as VocabularyFile)]),
    );
  }
  return vocabularies.get(language)!;
}

function fromFile(language: NameLanguage, file: VocabularyFile): VocabularyLists {
  const result = Object.assign(new Vocabulary(), { language }) as VocabularyLists;
  for (const [field, enumName] of Object.entries(VOCABULARY_FIELDS) as [VocabularyField, string][]) {
    result[field] = Object.entries(file[enumName] ?? {}).map(([code, words]) => ({
      code,
      label: words.label,
      description: words.description ?? null,
    }));
  }
  return result;
}
