import { agreementStub, countryStub, guidelineStub, indicatorStub, practiceStub } from '../../kit/references';

/** The entities of other subgraphs that this one refers to or adds fields to: its own classes of them (see kit/references.ts). */
export const Country = countryStub();
export type Country = InstanceType<typeof Country>;

export const Guideline = guidelineStub();
export type Guideline = InstanceType<typeof Guideline>;

export const Indicator = indicatorStub();
export type Indicator = InstanceType<typeof Indicator>;

export const Practice = practiceStub();
export type Practice = InstanceType<typeof Practice>;

export const Agreement = agreementStub();
export type Agreement = InstanceType<typeof Agreement>;
