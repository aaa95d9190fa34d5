import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { runSubgraph } from '../kit/subgraph';
import { authoritiesSubgraph } from './subgraph';

runSubgraph(authoritiesSubgraph, loadConfig());
