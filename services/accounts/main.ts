import 'reflect-metadata';
import { loadConfig } from '../common/config';
import { runSubgraph } from '../common/subgraph';
import { accountsSubgraph } from './subgraph';

runSubgraph(accountsSubgraph, loadConfig());
