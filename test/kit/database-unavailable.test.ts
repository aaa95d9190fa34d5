import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../services/platform/errors';

/** What mysql2 rejects with when a statement is sent on a connection that died earlier in the transaction. */
function closedStateError(): Error {
  const error = new Error("Can't add new command when connection is in closed state");
  (error as Error & { fatal: boolean }).fatal = true;
  return error;
}

describe('isDatabaseUnavailable', () => {
  it('knows a statement refused on a connection that is gone, though mysql2 gives it no code', () => {
    expect(isDatabaseUnavailable(closedStateError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT INTO organizations ...', [], closedStateError()))).toBe(true);
  });

  it('knows the codes of a server that went away, wrapped as TypeORM and graphql-js wrap them', () => {
    const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' });
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], lost))).toBe(true);
    expect(isDatabaseUnavailable({ originalError: { thrownValue: lost } })).toBe(true);
  });

  it('leaves an error of the request itself alone: a duplicate key, a syntax error, a plain bug', () => {
    const duplicate = Object.assign(new Error("Duplicate entry 'x' for key 'uq'"), { code: 'ER_DUP_ENTRY', fatal: false });
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT ...', [], duplicate))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: 'ER_PARSE_ERROR' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
