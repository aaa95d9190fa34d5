import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { runSubgraph } from '../kit/subgraph';
import { workplanSubgraph } from './subgraph';

runSubgraph(workplanSubgraph, loadConfig());
