import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { runSubgraph } from '../kit/subgraph';
import { agreementsSubgraph } from './subgraph';

runSubgraph(agreementsSubgraph, loadConfig());
