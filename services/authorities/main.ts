import 'reflect-metadata';
import { loadConfig } from '../common/config';
import { runSubgraph } from '../common/subgraph';
import { authoritiesSubgraph } from './subgraph';

runSubgraph(authoritiesSubgraph, loadConfig());
