import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { runSubgraph } from '../kit/subgraph';
import { organizationsSubgraph } from './subgraph';

runSubgraph(organizationsSubgraph, loadConfig());
