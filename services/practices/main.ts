import 'reflect-metadata';
import { loadConfig } from '../common/config';
import { runSubgraph } from '../common/subgraph';
import { practicesSubgraph } from './subgraph';

runSubgraph(practicesSubgraph, loadConfig());
