import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { runSubgraph } from '../kit/subgraph';
import { reportsSubgraph } from './subgraph';

runSubgraph(reportsSubgraph, loadConfig());
