import 'reflect-metadata';
import { loadConfig } from '../common/config';
import { runSubgraph } from '../common/subgraph';
import { agreementsSubgraph } from './subgraph';

runSubgraph(agreementsSubgraph, loadConfig());
