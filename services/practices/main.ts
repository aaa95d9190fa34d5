import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { runSubgraph } from '../kit/subgraph';
import { practicesSubgraph } from './subgraph';

runSubgraph(practicesSubgraph, loadConfig());
