import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { runSubgraph } from '../kit/subgraph';
import { accountsSubgraph } from './subgraph';

runSubgraph(accountsSubgraph, loadConfig());
