/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time string in UTC, e.g. 2026-03-01T00:00:00.000Z. */
  DateTime: { input: any; output: any; }
};

/** What happened to an agreement. */
export type AgreementChangeKind =
  /** It was registered. */
  | 'CREATED'
  /** One party signed (and, with the last signature, it became SIGNED). */
  | 'PARTY_SIGNED'
  /** Its status changed (setAgreementStatus). */
  | 'STATUS_CHANGED';

/** Which events of the feed to receive. */
export type AgreementEventFilter = {
  /** Replay the events after this id, then continue live. */
  after?: InputMaybe<Scalars['ID']['input']>;
  /** Only events of agreements this country (ISO code) is party to. */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** Only events of these kinds. */
  kinds?: InputMaybe<Array<AgreementEventKind>>;
};

/** What happened to an agreement. */
export type AgreementEventKind =
  /** The agreement was registered. */
  | 'CREATED'
  /** One party signed; the agreement becomes SIGNED when the last one does. */
  | 'PARTY_SIGNED'
  /** Its status changed. */
  | 'STATUS_CHANGED';

/** Narrows the register of agreements. */
export type AgreementFilter = {
  /** ISO code of a country that is party to the agreement. */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** Agreements that serve this Work Plan guideline, 1 to 67. */
  guideline?: InputMaybe<Scalars['Int']['input']>;
  /** Agreements of this kind. */
  kind?: InputMaybe<AgreementKind>;
  /** The order of the list; TITLE when absent. */
  orderBy?: InputMaybe<AgreementOrder>;
  /** Agreements in this status (drafts only for those who may see them). */
  status?: InputMaybe<AgreementStatus>;
};

/** A new agreement. It is registered as a DRAFT, seen by the authorities of its parties and the Secretariat, until every party signs. */
export type AgreementInput = {
  /** Only the SECRETARIAT, with signedOn and not before it: when the agreement came or comes into force. It starts IN_FORCE when this date is past; a future date is recorded and the agreement stays SIGNED until moved to IN_FORCE. */
  entryIntoForce?: InputMaybe<Scalars['DateTime']['input']>;
  /** Numbers of the Work Plan guidelines it puts into practice, 1 to 67; repeats count once. */
  guidelines?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** What kind of instrument it is. */
  kind: AgreementKind;
  /** The parties, in order: at least two distinct Member States (exactly two for BILATERAL), at most 35. */
  parties: Array<AgreementPartyInput>;
  /** Only the SECRETARIAT, recording an agreement every party already signed: the date of the last signature (not in the future, not before 1990). Every party is recorded as signed on it, and the agreement starts SIGNED. */
  signedOn?: InputMaybe<Scalars['DateTime']['input']>;
  /** What the parties commit to, at most 5,000 characters. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Title, 2 to 300 characters, in its original language. */
  title: Scalars['String']['input'];
};

/** What kind of cooperation instrument an agreement is. */
export type AgreementKind =
  /** A general cooperation agreement between two States. */
  | 'BILATERAL'
  /** An extradition treaty. */
  | 'EXTRADITION'
  /** An agreement to exchange information and data on trafficking. */
  | 'INFORMATION_EXCHANGE'
  /** An agreement setting up joint investigation teams. */
  | 'JOINT_INVESTIGATION'
  /** A memorandum of understanding: commitments, usually not binding. */
  | 'MEMORANDUM'
  /** A general cooperation agreement between three or more States. */
  | 'MULTILATERAL'
  /** A treaty on mutual legal assistance in criminal matters. */
  | 'MUTUAL_LEGAL_ASSISTANCE'
  /** A protocol for referring and returning victims between States. */
  | 'VICTIM_REFERRAL';

/** The order of a list of agreements. */
export type AgreementOrder =
  /** Most recent change first: creation, a signature or a change of status. */
  | 'NEWEST'
  /** By title (the default). */
  | 'TITLE';

/** A party to a new agreement: a Member State, and the authority acting for it if one is named. */
export type AgreementPartyInput = {
  /** Id (UUID) of the national authority acting for the country. */
  authorityId?: InputMaybe<Scalars['ID']['input']>;
  /** ISO code of the Member State, any case (e.g. GT). */
  country: Scalars['ID']['input'];
};

/** Where an agreement stands; a DRAFT or WITHDRAWN one is seen only by authorities of its parties and the Secretariat. */
export type AgreementStatus =
  /** Being negotiated; parties sign it one by one (signAgreement). */
  | 'DRAFT'
  /** In force. */
  | 'IN_FORCE'
  /** Every party has signed. */
  | 'SIGNED'
  /** Suspended; it may return to IN_FORCE. */
  | 'SUSPENDED'
  /** Ended for good. */
  | 'TERMINATED'
  /** A DRAFT abandoned before every party signed; never public. */
  | 'WITHDRAWN';

/** What happened to a national authority. */
export type AuthorityChangeKind =
  /** It was archived (and lost its contact point status, if it had it). */
  | 'ARCHIVED'
  /** It was added to the directory. */
  | 'CREATED'
  /** It was designated national contact point of its country. */
  | 'DESIGNATED'
  /** It stopped being the contact point: another one was designated. */
  | 'UNDESIGNATED'
  /** Some of its fields changed. */
  | 'UPDATED';

/** Narrows the directory of national authorities. */
export type AuthorityFilter = {
  /** Authorities competent for this. */
  competence?: InputMaybe<Competence>;
  /** ISO code of the country. */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** In the name or acronym. Words to find (at most 200 characters), case- and accent-insensitive; every word must match, the last one as a prefix; words under 3 letters and punctuation are ignored, and a search with no word left matches nothing. Results come by relevance (a hit in the name or title first), then by name or title. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A national authority to add to the directory. */
export type AuthorityInput = {
  /** Acronym, 1 to 50 characters, stored trimmed. */
  acronym?: InputMaybe<Scalars['String']['input']>;
  /** What the authority is competent for: at least one, each once. */
  competences: Array<Competence>;
  /** ISO code of its Member State (any case). An AUTHORITY adds only to its own country. */
  country: Scalars['ID']['input'];
  /** Mandate and remit, at most 2000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Public contact e-mail. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Official name, 2 to 200 characters, stored trimmed. */
  name: Scalars['String']['input'];
  /** Public contact phone in international format, e.g. +502 2222 3333; stored as +50222223333. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Public website, an http(s) URL of at most 500 characters. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a national authority: a field left out stays as it is, null clears a nullable one; name and competences cannot be cleared. */
export type AuthorityUpdateInput = {
  /** Acronym, 1 to 50 characters, stored trimmed. null clears it. */
  acronym?: InputMaybe<Scalars['String']['input']>;
  /** What the authority is competent for: at least one, each once. Cannot be null. */
  competences?: InputMaybe<Array<Competence>>;
  /** Mandate and remit, at most 2000 characters. null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Public contact e-mail. null clears it. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Official name, 2 to 200 characters, stored trimmed. Cannot be null. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Public contact phone in international format, e.g. +502 2222 3333; stored as +50222223333. null clears it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Public website, an http(s) URL of at most 500 characters. null clears it. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** What a national authority is competent for. */
export type Competence =
  /** Consular assistance to nationals abroad, victims included. */
  | 'CONSULAR'
  /** Coordinates the national response to trafficking (a national commission or council). */
  | 'COORDINATION'
  /** Collection and publication of national data on trafficking. */
  | 'DATA_COLLECTION'
  /** Extradition requests, sent and received. */
  | 'EXTRADITION'
  /** Criminal investigation (police, specialized units). */
  | 'INVESTIGATION'
  /** Labour inspection, where trafficking for forced labour is found. */
  | 'LABOUR_INSPECTION'
  /** Migration control at borders and within the country. */
  | 'MIGRATION'
  /** Central authority for mutual legal assistance requests with other States. */
  | 'MUTUAL_LEGAL_ASSISTANCE'
  /** Prevention: awareness campaigns, training, demand reduction. */
  | 'PREVENTION'
  /** Criminal prosecution (public prosecutors). */
  | 'PROSECUTION'
  /** Identification, assistance and protection of victims. */
  | 'VICTIM_PROTECTION';

/** Narrows the list of country reports. */
export type CountryReportFilter = {
  /** Reports of this Member State (ISO code, any case). */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** Reports for this reporting period. */
  period?: InputMaybe<Scalars['ID']['input']>;
  /** Reports in this status, among those the viewer may read (the public sees PUBLISHED only). */
  status?: InputMaybe<ReportStatus>;
};

/** A point on Earth, in decimal degrees (WGS 84). */
export type GeoPointInput = {
  /** Latitude, -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** Longitude, -180 to 180. */
  longitude: Scalars['Float']['input'];
};

/** The chapter of the II Work Plan a guideline belongs to. */
export type GuidelineSection =
  /** II. Directrices generales (guidelines 1-17). */
  | 'GENERAL'
  /** III. Prevención (guidelines 18-34). */
  | 'PREVENTION'
  /** IV. Combate y sanción (guidelines 35-44). */
  | 'PROSECUTION'
  /** V. Asistencia y protección de víctimas (guidelines 45-67). */
  | 'PROTECTION';

/** One indicator's entry of a country report; saving it again replaces it. */
export type IndicatorEntryInput = {
  /** Ids of agreements the writer may see, at most 20. */
  agreementIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** http(s) links to laws, plans, reports: at most 20, each at most 2,000 characters. */
  evidence?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The id of an Annex I indicator, e.g. "51-a". */
  indicatorId: Scalars['ID']['input'];
  /** What was done, at most 5,000 characters. */
  narrative?: InputMaybe<Scalars['String']['input']>;
  /** Ids of practices the writer may see, at most 20. */
  practiceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** How far the country has come. */
  progress: Progress;
};

/** A national action plan to record, or (with id) the new state of one recorded. */
export type NationalPlanInput = {
  /** ISO code of its Member State, any case. */
  country: Scalars['ID']['input'];
  /** The year it ends: startYear or later. */
  endYear: Scalars['Int']['input'];
  /** Numbers of the guidelines it addresses, 1 to 67; repeats count once. */
  guidelines?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** The id of a recorded plan, to change it; left out, a new plan is recorded. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The year it starts, 1990 to 2100. */
  startYear: Scalars['Int']['input'];
  /** Its title, 2 to 300 characters. */
  title: Scalars['String']['input'];
  /** Where it can be read: an http(s) address, at most 500 characters. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** What happened to an organization or one of its services. */
export type OrganizationChangeKind =
  /** A shelter's free beds changed (setAvailableBeds). */
  | 'BEDS_CHANGED'
  /** A user became a member (field `member`: the user id). */
  | 'MEMBER_ADDED'
  /** A member left or was removed (field `member`: the user id). */
  | 'MEMBER_REMOVED'
  /** It was registered (PENDING); its registrant became its first member. */
  | 'REGISTERED'
  /** One of its services was added. */
  | 'SERVICE_ADDED'
  /** A service was archived: it left every public list. */
  | 'SERVICE_ARCHIVED'
  /** An archived service was restored. */
  | 'SERVICE_RESTORED'
  /** Some of a service's fields changed (a shelter's confidential ones shown as `(changed)`). */
  | 'SERVICE_UPDATED'
  /** Some of its profile fields changed. */
  | 'UPDATED'
  /** The Secretariat changed its verification status. */
  | 'VERIFICATION_CHANGED';

/** Narrows the directory of organizations; all given criteria must match. */
export type OrganizationFilter = {
  /** ISO code of a country the organization is based in or serves (any case). */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** Organizations of this kind. */
  kind?: InputMaybe<OrganizationKind>;
  /** Words to find (at most 200 characters), case- and accent-insensitive; every word must match, the last one as a prefix; words under 3 letters and punctuation are ignored, and a search with no word left matches nothing. Results come by relevance (a hit in the name or title first), then by name or title. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** The public sees VERIFIED only; the Secretariat sees every status unless it filters. */
  status?: InputMaybe<VerificationStatus>;
};

/** A civil-society organization to register; it starts PENDING until the Secretariat verifies it. */
export type OrganizationInput = {
  /** ISO codes of the Member States it works in, at most 35; its own country is always included. */
  countriesServed?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** ISO code of the Member State it is based in (any case). */
  country: Scalars['ID']['input'];
  /** What the organization does, at most 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Public contact e-mail. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** What kind of body it is. */
  kind: OrganizationKind;
  /** Name, 2 to 200 characters, stored trimmed; unique in its country, ignoring case, accents and spacing. */
  name: Scalars['String']['input'];
  /** Public contact phone in international format, e.g. +502 2222 3333; stored as +50222223333. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Public website, an http(s) URL. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** What kind of body a civil-society organization is. */
export type OrganizationKind =
  /** A university or research centre. */
  | 'ACADEMIC'
  /** A community-based organization. */
  | 'COMMUNITY'
  /** A faith-based organization. */
  | 'FAITH_BASED'
  /** An international organization or its national office. */
  | 'INTERNATIONAL'
  /** A non-governmental organization. */
  | 'NGO'
  /** A company or business association. */
  | 'PRIVATE_SECTOR'
  /** A trade union or another organization of workers. */
  | 'TRADE_UNION';

/** Changes to an organization: a field left out stays as it is; null clears a nullable one. */
export type OrganizationUpdateInput = {
  /** ISO codes of the Member States it works in, at most 35; its own country is always included. Replaces the list; [] leaves its own country only; cannot be null. */
  countriesServed?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** What the organization does, at most 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Public contact e-mail. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** What kind of body it is. Cannot be cleared. */
  kind?: InputMaybe<OrganizationKind>;
  /** Name, 2 to 200 characters, stored trimmed; unique in its country, ignoring case, accents and spacing. Cannot be cleared. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Public contact phone in international format, e.g. +502 2222 3333; stored as +50222223333. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Public website, an http(s) URL. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** The pillar of the response to trafficking a practice belongs to. */
export type Pillar =
  /** Cooperation between States, and with civil society and the private sector. */
  | 'PARTNERSHIP'
  /** Preventing trafficking before it happens. */
  | 'PREVENTION'
  /** Investigating, prosecuting and punishing traffickers. */
  | 'PROSECUTION'
  /** Identifying, assisting and protecting victims. */
  | 'PROTECTION';

/** A group of people a service or practice is meant for. */
export type Population =
  /** Adolescents, 12 to 17 years old. */
  | 'ADOLESCENTS'
  /** Children under 12. */
  | 'CHILDREN'
  /** Families, including the relatives of victims and survivors. */
  | 'FAMILIES'
  /** Indigenous peoples. */
  | 'INDIGENOUS'
  /** Lesbian, gay, bisexual, trans and intersex people. */
  | 'LGBTI'
  /** Adult men. */
  | 'MEN'
  /** Migrants, refugees and asylum seekers, whatever their status. */
  | 'MIGRANTS'
  /** Older persons. */
  | 'OLDER_PERSONS'
  /** Persons with disabilities. */
  | 'PERSONS_WITH_DISABILITIES'
  /** Adult women. */
  | 'WOMEN';

/** What happened to a practice. */
export type PracticeChangeKind =
  /** The Secretariat published it. */
  | 'PUBLISHED'
  /** The Secretariat rejected it; the reason is the new reviewNote. */
  | 'REJECTED'
  /** It was submitted for review. */
  | 'SUBMITTED'
  /** Some of its fields changed (a REJECTED one changed by its submitter is SUBMITTED again). */
  | 'UPDATED'
  /** Its submitter or the Secretariat withdrew it. */
  | 'WITHDRAWN';

/** Narrows the library of practices. */
export type PracticeFilter = {
  /** ISO code of a country the practice involves. */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** Number of a guideline (1-67) the practice implements. */
  guideline?: InputMaybe<Scalars['Int']['input']>;
  /** Practices of this pillar. */
  pillar?: InputMaybe<Pillar>;
  /** Practices meant for this population. */
  population?: InputMaybe<Population>;
  /** In the title, summary or body. Words to find (at most 200 characters), case- and accent-insensitive; every word must match, the last one as a prefix; words under 3 letters and punctuation are ignored, and a search with no word left matches nothing. Results come by relevance (a hit in the name or title first), then by name or title. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Practices in this status, among those the viewer may read (the Secretariat’s review queue: SUBMITTED). */
  status?: InputMaybe<PracticeStatus>;
};

/** A practice submitted for review: it stays SUBMITTED, read by its submitter and the Secretariat, until published. */
export type PracticeInput = {
  /** Ids (UUIDs) of the national authorities that carried it out, at most 20. */
  authorityIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The full description, plain text, at most 20,000 characters. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** ISO codes of the Member States where it took place: 1 to 35, any case. */
  countries: Array<Scalars['ID']['input']>;
  /** Numbers of the Work Plan guidelines it implements, 1 to 67; repeats count once. */
  guidelines?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** ISO 639-3 code of the language of the text, e.g. spa, por, fra, eng (default spa). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Ids (UUIDs) of the organizations that carried it out, at most 20. None from a member of an organization: their VERIFIED organizations. */
  organizationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The pillar of the response the practice belongs to. */
  pillar: Pillar;
  /** The populations it is meant for; repeats count once. */
  populations?: InputMaybe<Array<Population>>;
  /** Where the original report can be read: an http(s) address, at most 500 characters. */
  sourceUrl?: InputMaybe<Scalars['String']['input']>;
  /** What was done and what came of it, 1 to 2,000 characters. */
  summary: Scalars['String']['input'];
  /** Title, 2 to 300 characters, in the language of the text. */
  title: Scalars['String']['input'];
  /** The year it started, 1900 to next year. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a practice stands in review: only PUBLISHED practices are public; SUBMITTED and REJECTED ones are read by their submitter and the Secretariat, WITHDRAWN ones by the Secretariat only. */
export type PracticeStatus =
  /** In the public library. */
  | 'PUBLISHED'
  /** Sent back by the Secretariat with a reviewNote; its submitter may change it, which submits it again. */
  | 'REJECTED'
  /** Waiting for the Secretariat to review it. */
  | 'SUBMITTED'
  /** Withdrawn by its submitter or the Secretariat: final, and read by the Secretariat only. */
  | 'WITHDRAWN';

/** Changes to a practice, checked as a submission is: a field left out stays as it is, null clears a nullable one (and empties a list); title, summary, pillar, countries and language cannot be cleared. */
export type PracticeUpdateInput = {
  /** Ids (UUIDs) of the national authorities that carried it out, at most 20. The whole new list; an id not linked before must be one its subgraph shows the caller. Left out, it stays. null clears it. */
  authorityIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The full description, plain text, at most 20,000 characters. Left out, it stays. null clears it. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** ISO codes of the Member States where it took place: 1 to 35, any case. Left out, it stays. Cannot be null. */
  countries?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Numbers of the Work Plan guidelines it implements, 1 to 67; repeats count once. Left out, it stays. null clears it. */
  guidelines?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** ISO 639-3 code of the language of the text, e.g. spa, por, fra, eng. Left out, it stays. Cannot be null. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Ids (UUIDs) of the organizations that carried it out, at most 20. The whole new list; an id not linked before must be one its subgraph shows the caller. Left out, it stays. null clears it. */
  organizationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The pillar of the response the practice belongs to. Left out, it stays. Cannot be null. */
  pillar?: InputMaybe<Pillar>;
  /** The populations it is meant for; repeats count once. Left out, it stays. null clears it. */
  populations?: InputMaybe<Array<Population>>;
  /** Where the original report can be read: an http(s) address, at most 500 characters. Left out, it stays. null clears it. */
  sourceUrl?: InputMaybe<Scalars['String']['input']>;
  /** What was done and what came of it, 1 to 2,000 characters. Left out, it stays. Cannot be null. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Title, 2 to 300 characters, in the language of the text. Left out, it stays. Cannot be null. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The year it started, 1900 to next year. Left out, it stays. null clears it. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** How far a Member State has come on an indicator. */
export type Progress =
  /** Achieved. */
  | 'ACHIEVED'
  /** Under way. */
  | 'IN_PROGRESS'
  /** Does not apply to the country. */
  | 'NOT_APPLICABLE'
  /** Nothing done yet. */
  | 'NOT_STARTED';

/** What happened in the reporting cycle. */
export type ReportChangeKind =
  /** An authority saved one indicator's entry of its country's report (the report is created with its first entry). */
  | 'ENTRY_SAVED'
  /** The Secretariat opened a reporting period (the subject is the period). */
  | 'PERIOD_CREATED'
  /** A national action plan was recorded. */
  | 'PLAN_CREATED'
  /** A national action plan changed. */
  | 'PLAN_UPDATED'
  /** The Secretariat published the report. */
  | 'PUBLISHED'
  /** The Secretariat returned the report with a note. */
  | 'RETURNED'
  /** The report was submitted to the Secretariat. */
  | 'SUBMITTED';

/** Which events of the feed of publications to receive. */
export type ReportEventFilter = {
  /** Replay the events after this id, then continue live. */
  after?: InputMaybe<Scalars['ID']['input']>;
  /** Only the reports of this country (ISO code, any case). */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** Only events of these kinds. */
  kinds?: InputMaybe<Array<ReportEventKind>>;
  /** Only the reports for this reporting period, e.g. "2015-2016". */
  period?: InputMaybe<Scalars['ID']['input']>;
};

/** What happened to a country report: the public sees PUBLISHED alone. */
export type ReportEventKind =
  /** The Secretariat published it. */
  | 'PUBLISHED'
  /** The Secretariat returned it with a note. */
  | 'RETURNED'
  /** The country's authorities submitted it to the Secretariat. */
  | 'SUBMITTED';

/** Where a country report stands: only PUBLISHED reports are public; the others are read by that country's authorities and the Secretariat. */
export type ReportStatus =
  /** The country's authorities are writing it; only they and the Secretariat see it. */
  | 'DRAFT'
  /** Public. */
  | 'PUBLISHED'
  /** Sent back by the Secretariat with a note; editable again. */
  | 'RETURNED'
  /** Sent to the Secretariat. */
  | 'SUBMITTED';

/** A new reporting period. */
export type ReportingPeriodInput = {
  /** When the reports are due, if set: not before startsOn. */
  dueOn?: InputMaybe<Scalars['DateTime']['input']>;
  /** Its last day, after startsOn. */
  endsOn: Scalars['DateTime']['input'];
  /** Letters, digits and dashes, 1 to 40 characters, e.g. "2019-2020". */
  id: Scalars['ID']['input'];
  /** Its name, 2 to 200 characters. */
  name: Scalars['String']['input'];
  /** Its first day. */
  startsOn: Scalars['DateTime']['input'];
};

/** What a user may do beyond an ordinary account; granted by the Secretariat. */
export type Role =
  /** Officer of a national authority of one country. */
  | 'AUTHORITY'
  /** Administers the platform. */
  | 'SECRETARIAT';

/** Where people can use a service. */
export type ServiceCoverage =
  /** Across borders: a near search finds it in its country and in the countries its organization serves. */
  | 'INTERNATIONAL'
  /** At its place (the default): a near search finds it within the radius of its position. */
  | 'LOCAL'
  /** Anywhere in its country (hotlines, remote legal aid): a near search within its country finds it. */
  | 'NATIONAL';

/** Narrows a list of services; all given criteria must match. */
export type ServiceFilter = {
  /** Services in this city or locality: the whole name, accents and case ignored ("tapachula" finds Tapachula), at most 200 characters. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO code of the country where the service is offered (any case). */
  country?: InputMaybe<Scalars['ID']['input']>;
  /** Services offered in this language, an ISO 639-3 code (e.g. quc); a macrolanguage also matches its individual languages (que: quz, quy...), and an individual language its macrolanguage (ayr: aym). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Services within radiusKm of this point (radiusKm required), nearest first, with their distanceKm; then the NATIONAL and INTERNATIONAL services of the country the point lies in, with no distance. */
  near?: InputMaybe<GeoPointInput>;
  /** The order of the list: RELEVANCE when search is given, DISTANCE when near is, NAME otherwise. */
  orderBy?: InputMaybe<ServiceOrder>;
  /** Services meant for this population. */
  population?: InputMaybe<Population>;
  /** Distance from near in km, above 0 and at most 500; measured from a shelter's public (coarsened) position. */
  radiusKm?: InputMaybe<Scalars['Float']['input']>;
  /** Words to find (at most 200 characters), case- and accent-insensitive; every word must match, the last one as a prefix; words under 3 letters and punctuation are ignored, and a search with no word left matches nothing. Results come by relevance (a hit in the name or title first), then by name or title. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Services of this type. */
  type?: InputMaybe<ServiceType>;
};

/** A service to add to an organization. */
export type ServiceInput = {
  /** City or locality, at most 200 characters. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO code of the Member State where it is offered (any case). */
  country: Scalars['ID']['input'];
  /** Where people can use it (default LOCAL). */
  coverage?: InputMaybe<ServiceCoverage>;
  /** What the service does and how to reach it, at most 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** True when it costs nothing to the person served (default true). */
  free?: InputMaybe<Scalars['Boolean']['input']>;
  /** Opening hours, e.g. "24/7", at most 100 characters. */
  hours?: InputMaybe<Scalars['String']['input']>;
  /** Languages it is offered in: ISO 639-3 codes in lower case (e.g. spa, quc, hat), at most 50. */
  languages?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Latitude, -90 to 90; give longitude with it. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Longitude, -180 to 180; give latitude with it. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Name, 2 to 200 characters, stored as given. */
  name: Scalars['String']['input'];
  /** The organization that offers it: one the caller is a member of (or any, for the Secretariat). */
  organizationId: Scalars['ID']['input'];
  /** Contact phone in international format (+ and the country calling code), e.g. +502 2222 3333; stored as +50222223333. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The people it is meant for, at most 10. */
  populations?: InputMaybe<Array<Population>>;
  /** The shelter details: required for type SHELTER, refused for any other. On an update it replaces them whole: use shelterUpdate. */
  shelter?: InputMaybe<ShelterInput>;
  /** What the service offers; it cannot change later. */
  type: ServiceType;
};

/** The order of a list of services (docs/search.md). */
export type ServiceOrder =
  /** Nearest to filter.near first, services found by their coverage last (the default with near); needs near. */
  | 'DISTANCE'
  /** By name (the default without search or near). */
  | 'NAME'
  /** Most recently updated first (updatedAt). */
  | 'NEWEST'
  /** Best matches of filter.search first, then by name (the default with search); needs search. */
  | 'RELEVANCE';

/** What a service offers to victims and survivors of trafficking. */
export type ServiceType =
  /** Case management: one worker coordinates the other services a person needs. */
  | 'CASE_MANAGEMENT'
  /** Schooling and literacy. */
  | 'EDUCATION'
  /** Medical care, sexual and reproductive health included. */
  | 'HEALTH'
  /** A telephone or online line for reports and first help. */
  | 'HOTLINE'
  /** Interpretation and translation for people who do not speak the local language. */
  | 'INTERPRETATION'
  /** Legal advice and representation, in criminal, migration or civil matters. */
  | 'LEGAL_AID'
  /** Anything the other values do not name; the description says what. */
  | 'OTHER'
  /** Psychological and social support. */
  | 'PSYCHOSOCIAL'
  /** Help to rebuild a life: housing, income, return to the community. */
  | 'REINTEGRATION'
  /** Safe return to the country of origin, and the reception there. */
  | 'REPATRIATION'
  /** Accommodation; the service has a shelter (Service.shelter) with its kind and capacity. */
  | 'SHELTER'
  /** Training for a trade or a job. */
  | 'VOCATIONAL_TRAINING';

/** Changes to a service: a field left out stays as it is, null clears a nullable one (name, free, languages, populations, coverage cannot be cleared). */
export type ServiceUpdateInput = {
  /** City or locality, at most 200 characters. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Where people can use it (default LOCAL). */
  coverage?: InputMaybe<ServiceCoverage>;
  /** What the service does and how to reach it, at most 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** True when it costs nothing to the person served (default true). */
  free?: InputMaybe<Scalars['Boolean']['input']>;
  /** Opening hours, e.g. "24/7", at most 100 characters. */
  hours?: InputMaybe<Scalars['String']['input']>;
  /** Languages it is offered in: ISO 639-3 codes in lower case (e.g. spa, quc, hat), at most 50. */
  languages?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Latitude, -90 to 90; give longitude with it. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Longitude, -180 to 180; give latitude with it. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** New name, 2 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Contact phone in international format (+ and the country calling code), e.g. +502 2222 3333; stored as +50222223333. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The people it is meant for, at most 10. */
  populations?: InputMaybe<Array<Population>>;
  /** The shelter details: required for type SHELTER, refused for any other. On an update it replaces them whole: use shelterUpdate. */
  shelter?: InputMaybe<ShelterInput>;
  /** Changes only the shelter fields given; the address stays unless given. Not with shelter. What clients should use. */
  shelterUpdate?: InputMaybe<ShelterUpdateInput>;
};

/** The details of a shelter; a SHELTER service has them, no other does. */
export type ShelterInput = {
  /** CONFIDENTIAL street address, at most 500 characters. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** CONFIDENTIAL beds free now, 0 to capacity. */
  availableBeds?: InputMaybe<Scalars['Int']['input']>;
  /** Number of beds, 1 to 10000. */
  capacity: Scalars['Int']['input'];
  /** How long it houses people. */
  kind: ShelterKind;
  /** Oldest age taken in, 0 to 120. */
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  /** Youngest age taken in, 0 to 120; at most maxAge. */
  minAge?: InputMaybe<Scalars['Int']['input']>;
};

/** How long a shelter houses the people it takes in. */
export type ShelterKind =
  /** Emergency shelter: immediate, short stays (days to weeks) right after identification. */
  | 'EMERGENCY'
  /** Long-term shelter: stays of months or more, until the person can live on their own. */
  | 'LONG_TERM'
  /** Transitional shelter: medium stays (weeks to months) while a person recovers. */
  | 'TRANSITIONAL';

/** Changes to the details of a shelter: only the fields given change; the address stays unless given (null clears it). */
export type ShelterUpdateInput = {
  /** CONFIDENTIAL street address, at most 500 characters. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** CONFIDENTIAL beds free now, 0 to capacity (setAvailableBeds changes only these). */
  availableBeds?: InputMaybe<Scalars['Int']['input']>;
  /** Number of beds, 1 to 10000; cannot be cleared. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** How long it houses people; cannot be cleared. */
  kind?: InputMaybe<ShelterKind>;
  /** Oldest age taken in, 0 to 120. */
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  /** Youngest age taken in, 0 to 120; at most maxAge. */
  minAge?: InputMaybe<Scalars['Int']['input']>;
};

/** A new account. */
export type SignUpInput = {
  /** E-mail address; compared without case and surrounding spaces. */
  email: Scalars['String']['input'];
  /** The name the user goes by. */
  name: Scalars['String']['input'];
  /** At least 12 characters. */
  password: Scalars['String']['input'];
};

/** Narrows the list of accounts. */
export type UserFilter = {
  /** Accounts with this role. */
  role?: InputMaybe<Role>;
  /** Part of the name or e-mail. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** Where an organization stands with the Secretariat: only VERIFIED ones are public. */
export type VerificationStatus =
  /** Registered, waiting for the Secretariat (verifyOrganization); seen by its members and the Secretariat only. */
  | 'PENDING'
  /** Suspended by the Secretariat: hidden again, as a PENDING one, until verified again. */
  | 'SUSPENDED'
  /** Verified by the Secretariat: public, with its services. */
  | 'VERIFIED';

export type GuidelineAndPracticesQueryVariables = Exact<{ [key: string]: never; }>;


export type GuidelineAndPracticesQuery = { __typename?: 'Query', guideline?: { __typename?: 'Guideline', section: GuidelineSection, text: string, indicators: Array<{ __typename?: 'Indicator', text: string }>, practices?: Array<{ __typename?: 'Practice', title: string, countries: Array<{ __typename?: 'Country', nameEs: string }> }> | null } | null };

export type CountryFromFiveSubgraphsQueryVariables = Exact<{ [key: string]: never; }>;


export type CountryFromFiveSubgraphsQuery = { __typename?: 'Query', country?: { __typename?: 'Country', nameEs: string, contactPoint?: { __typename?: 'NationalAuthority', name: string, email?: string | null } | null, authorities: Array<{ __typename?: 'NationalAuthority', name: string, agreements?: Array<{ __typename?: 'Agreement', title: string, status: AgreementStatus, parties: Array<{ __typename?: 'AgreementParty', country?: { __typename?: 'Country', name: string } | null }> }> | null }>, organizations?: Array<{ __typename?: 'Organization', name: string, services: Array<{ __typename?: 'Service', name: string, type: ServiceType, languages: Array<string> }> }> | null, practices?: Array<{ __typename?: 'Practice', title: string, guidelines: Array<{ __typename?: 'Guideline', number: number, section: GuidelineSection }> }> | null } | null };

export type ServicesInKicheQueryVariables = Exact<{ [key: string]: never; }>;


export type ServicesInKicheQuery = { __typename?: 'Query', services?: { __typename?: 'ServiceConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Service', name: string, type: ServiceType, city?: string | null, organization: { __typename?: 'Organization', name: string, website?: string | null }, country: { __typename?: 'Country', nameEs: string }, shelter?: { __typename?: 'Shelter', kind: ShelterKind, capacity: number } | null }> } | null };


export const GuidelineAndPracticesDocument = {"__meta__":{"hash":"3f4ae74ef55f10bd5d0064e87874b48ad6ef19e0136a9c8e0f7927d5d483ea85"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuidelineAndPractices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guideline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"IntValue","value":"22"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameEs"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GuidelineAndPracticesQuery, GuidelineAndPracticesQueryVariables>;
export const CountryFromFiveSubgraphsDocument = {"__meta__":{"hash":"14fc9ebf103c3e5371203da95fb884443e6ecff313136821660180a4ea7ffff5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CountryFromFiveSubgraphs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"StringValue","value":"GT","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameEs"}},{"kind":"Field","name":{"kind":"Name","value":"contactPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"practices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"guidelines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"section"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CountryFromFiveSubgraphsQuery, CountryFromFiveSubgraphsQueryVariables>;
export const ServicesInKicheDocument = {"__meta__":{"hash":"30305fc77f4d5e2f73ca2ad10e849b448c4479b6d4e3b00aa9d49e9b7fe99ee1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServicesInKiche"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"language"},"value":{"kind":"StringValue","value":"quc","block":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"website"}}]}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameEs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shelter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ServicesInKicheQuery, ServicesInKicheQueryVariables>;