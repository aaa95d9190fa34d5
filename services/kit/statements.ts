import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import type { RequestInstrument } from '../platform/http';

/** The id of the request being served, for counting its statements (see inRequestScope). */
const requestScope = new AsyncLocalStorage<string>();
const MAX_TRACKED_REQUESTS = 1000;

/** Runs the serving of one request so that the statements it causes are counted under its id. */
function inRequestScope<T>(requestId: string, work: () => T): T {
  return requestScope.run(requestId, work);
}

/**
 * Counts the SQL statements a data source runs, in all and per request id (the last thousand
 * requests): tests and benchmarks read how many statements one operation took, even while
 * background work such as the live feed's polling runs too.
 */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  readonly byRequest = new Map<string, number>();
  logQuery(): void {
    this.count += 1;
    const requestId = requestScope.getStore();
    if (requestId === undefined) return;
    this.byRequest.set(requestId, (this.byRequest.get(requestId) ?? 0) + 1);
    if (this.byRequest.size > MAX_TRACKED_REQUESTS) this.byRequest.delete(this.byRequest.keys().next().value!);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const counters = new WeakMap<DataSource, StatementCounter>();

/** Keeps the counter a data source logs its statements to (openDatabase gives it one). */
export function countStatements(dataSource: DataSource, counter: StatementCounter): void {
  counters.set(dataSource, counter);
}

/** SQL statements this data source has run since it opened; for one request when its id is given. */
export function statementCount(dataSource: DataSource, requestId?: string): number {
  const counter = counters.get(dataSource);
  if (!counter) return 0;
  return requestId === undefined ? counter.count : (counter.byRequest.get(requestId) ?? 0);
}

/**
 * The opt-in counting of a subgraph (config.responseStats: tests and benchmarks): each request runs in an
 * AsyncLocalStorage scope, whose promise hooks cost every request a few per cent of CPU, and its answer
 * carries `x-sql-statements`.
 */
export function statementInstrument<C>(dataSource: DataSource): RequestInstrument<C> {
  return {
    around: (requestId, work) => inRequestScope(requestId, work),
    headers: (_context, requestId) => ({ 'sql-statements': statementCount(dataSource, requestId) }),
  };
}
