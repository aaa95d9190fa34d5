import 'reflect-metadata';
import { loadConfig } from '../common/config';
import { runSubgraph } from '../common/subgraph';
import { organizationsSubgraph } from './subgraph';

runSubgraph(organizationsSubgraph, loadConfig());
