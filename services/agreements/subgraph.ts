import type { SubgraphDefinition } from '../kit/subgraph';
import { upsertRows } from '../kit/seed';
import { demoAgreements } from './demo';
import { Agreement } from './entities/agreement.entity';
import { AgreementChange } from './entities/agreement-change.entity';
import { AgreementEvent } from './entities/agreement-event.entity';
import { AgreementGuideline } from './entities/agreement-guideline.entity';
import { AgreementParty } from './entities/agreement-party.entity';
import { agreementEventsFeed } from './feed';
import { createLoaders, Loaders } from './loaders';
import { CreateAgreements1764400500000 } from './migrations/1764400500000-CreateAgreements';
import { CreateAgreementEvents1764401500000 } from './migrations/1764401500000-CreateAgreementEvents';
import { CreateAgreementEventSequence1764402000000 } from './migrations/1764402000000-CreateAgreementEventSequence';
import { AgreementsEveryParty1765100000000 } from './migrations/1765100000000-AgreementsEveryParty';
import { buildAgreementsSchema } from './schema';
import { WriteGeneration1765600000000 } from '../kit/write-generation';

export const agreementsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'agreements',
  entities: [Agreement, AgreementParty, AgreementGuideline, AgreementEvent, AgreementChange],
  migrations: [
    CreateAgreements1764400500000,
    CreateAgreementEvents1764401500000,
    CreateAgreementEventSequence1764402000000,
    AgreementsEveryParty1765100000000,
    WriteGeneration1765600000000,
  ],
  buildSchema: buildAgreementsSchema,
  createLoaders,
  feeds: [agreementEventsFeed],
  async seed(db, config) {
    if (!config.seedDemo) return;
    const demo = demoAgreements();
    await upsertRows(db, Agreement, demo.agreements, ['id']);
    await upsertRows(db, AgreementParty, demo.parties, ['agreementId', 'position']);
    await upsertRows(db, AgreementGuideline, demo.guidelines, ['agreementId', 'guidelineNumber']);
  },
};
