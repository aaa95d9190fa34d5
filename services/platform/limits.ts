/**
 * Limits that the gateway and the subgraphs agree on. The subgraphs enforce them; the gateway's edge
 * prices an operation with them (a list field selects at most a page).
 */

/** Page sizes of every connection: `first` defaults to 20 and may be 1 to 100. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/*
 * The sizes of the fixed lists that bound the lists without `first`: reference data and what one submission
 * may name. services/platform depends on no other folder, so they are stated here; the subgraphs' inputs use
 * them or test/schema/list-bounds.test.ts holds them to their source (kit/countries.ts, the Work Plan's data file).
 */

/** The Member States of the OAS (OAS_MEMBER_STATES in services/kit/countries.ts). */
export const MEMBER_STATE_COUNT = 35;
/** The Work Plan (services/workplan/data/workplan.json): its guidelines, mandates, principles, objectives, indicators, and the most indicators of one guideline. */
export const WORK_PLAN_SIZES = {
  guidelines: 67,
  mandates: 17,
  principles: 8,
  objectives: 7,
  indicators: 62,
  indicatorsPerGuideline: 2,
} as const;
/** The organizations, and the national authorities, that one practice names at most (PracticeInput). */
export const MAX_PRACTICE_LINKS = 20;
/** The practices, and the agreements, that one indicator entry of a country report links at most (IndicatorEntryInput). */
export const MAX_ENTRY_LINKS = 20;

/** The most values of one public enum: the lists of Vocabulary hold one label per value (test/workplan/vocabulary.test.ts). */
export const MAX_ENUM_VALUES = 16;
/** The lists of Vocabulary (VOCABULARY_FIELDS in services/workplan/vocabulary.ts). */
const VOCABULARY_LISTS = [
  'serviceTypes',
  'populations',
  'competences',
  'organizationKinds',
  'shelterKinds',
  'pillars',
  'agreementKinds',
  'agreementStatuses',
  'guidelineSections',
  'progress',
  'verificationStatuses',
  'serviceCoverages',
  'serviceOrders',
  'practiceStatuses',
  'agreementEventKinds',
  'agreementOrders',
  'roles',
  'reportStatuses',
  'authorityChangeKinds',
  'organizationChangeKinds',
  'practiceChangeKinds',
  'agreementChangeKinds',
  'reportChangeKinds',
  'reportEventKinds',
];

/**
 * The most elements a list field without a `first` argument can hold, by `Type.field`: what the edge
 * prices it at (services/platform/operation-limits.ts). Every list of objects has either `first` or an
 * entry here (test/schema/list-bounds.test.ts); one with neither is priced at MAX_PAGE_SIZE.
 */
export const LIST_CAPS: Readonly<Record<string, number>> = {
  'Query.countries': MEMBER_STATE_COUNT,
  'Organization.countriesServed': MEMBER_STATE_COUNT,
  'Practice.countries': MEMBER_STATE_COUNT,
  'Practice.guidelines': WORK_PLAN_SIZES.guidelines,
  'Practice.organizations': MAX_PRACTICE_LINKS,
  'Practice.authorities': MAX_PRACTICE_LINKS,
  'Agreement.parties': MEMBER_STATE_COUNT,
  'Agreement.guidelines': WORK_PLAN_SIZES.guidelines,
  'Query.guidelines': WORK_PLAN_SIZES.guidelines,
  'Query.mandates': WORK_PLAN_SIZES.mandates,
  'Query.principles': WORK_PLAN_SIZES.principles,
  'Query.objectives': WORK_PLAN_SIZES.objectives,
  'Guideline.indicators': WORK_PLAN_SIZES.indicatorsPerGuideline,
  /** One entry per field the directory's history follows (TRACKED in services/authorities/history.ts). */
  'AuthorityChange.fields': 9,
  /** One entry per field the network's history follows: at most the tracked fields of a service and its shelter. */
  'OrganizationChange.fields': 30,
  /** One entry per field the register's history follows (TRACKED in services/agreements/history.ts), and the signature. */
  'AgreementChange.fields': 9,
  /** One entry per field the practices' history follows (TRACKED in services/practices/history.ts). */
  'PracticeChange.fields': 14,
  /** One entry per Annex I indicator at most (the key of indicator_entries). */
  'CountryReport.entries': WORK_PLAN_SIZES.indicators,
  'IndicatorEntry.practices': MAX_ENTRY_LINKS,
  'IndicatorEntry.agreements': MAX_ENTRY_LINKS,
  'NationalPlan.guidelines': WORK_PLAN_SIZES.guidelines,
  'HemisphericReport.countriesReported': MEMBER_STATE_COUNT,
  'HemisphericReport.countriesMissing': MEMBER_STATE_COUNT,
  'HemisphericReport.indicators': WORK_PLAN_SIZES.indicators,
  'Guideline.progress': WORK_PLAN_SIZES.indicatorsPerGuideline,
  /** One entry per field a change of the reporting cycle follows: at most a national plan's (services/reports/history.ts). */
  'ReportChange.fields': 6,
  ...Object.fromEntries(VOCABULARY_LISTS.map((field) => [`Vocabulary.${field}`, MAX_ENUM_VALUES])),
};
