import 'reflect-metadata';
import { loadConfig } from '../common/config';
import { runSubgraph } from '../common/subgraph';
import { workplanSubgraph } from './subgraph';

runSubgraph(workplanSubgraph, loadConfig());
