import type { SubgraphName } from './platform/config';
import type { SubgraphDefinition } from './kit/subgraph';
import { accountsSubgraph } from './accounts/subgraph';
import { agreementsSubgraph } from './agreements/subgraph';
import { authoritiesSubgraph } from './authorities/subgraph';
import { organizationsSubgraph } from './organizations/subgraph';
import { practicesSubgraph } from './practices/subgraph';
import { reportsSubgraph } from './reports/subgraph';
import { workplanSubgraph } from './workplan/subgraph';

/** Every subgraph of the graph, by name: the schema script and the test graph start from here. */
export const SUBGRAPH_DEFINITIONS: Record<SubgraphName, SubgraphDefinition<unknown>> = {
  accounts: accountsSubgraph,
  authorities: authoritiesSubgraph,
  organizations: organizationsSubgraph,
  practices: practicesSubgraph,
  agreements: agreementsSubgraph,
  workplan: workplanSubgraph,
  reports: reportsSubgraph,
};
