import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { answerBytes, encodeJson, stringifyAnswer } from '../../services/platform/answer-encoding';
import { close, createGraphQLHttpServer, listen } from '../../services/platform/http';
import { createLogger } from '../../services/platform/logger';

/** What Apollo Server sends by default: the bytes every encoding here must match. */
const stock = (value: unknown, suffix = '') => Buffer.from(JSON.stringify(value) + suffix, 'utf8');

/** An answer shaped like the benchmark's deep query: lists of objects of lists, about 100,000 characters. */
function deepAnswer(title: string) {
  return {
    data: {
      countries: Array.from({ length: 120 }, (_, i) => ({
        code: `C${i}`,
        name: i === 7 ? title : `Country ${i}`,
        authorities: Array.from({ length: 6 }, (__, j) => ({
          name: `Ministry ${j} of country ${i}`,
          agreements: [{ title: 'Memorandum', status: 'IN_FORCE', parties: [{ country: { name: `Party ${j}` } }] }],
        })),
      })),
    },
  };
}

describe('encoding an answer without one large string', () => {
  it('writes the bytes JSON.stringify writes, for large answers one- and two-byte alike', () => {
    for (const title of ['Trinidad and Tobago', 'Trinidad – Tobago', 'São Tomé', '日本 🇯🇵']) {
      const answer = deepAnswer(title);
      const bytes = encodeJson(answer, '\n');
      expect(bytes.length).toBeGreaterThan(100_000);
      expect(bytes.equals(stock(answer, '\n'))).toBe(true);
    }
  });

  it('leaves out, nulls and converts values as JSON.stringify does', () => {
    const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    const ownProto = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}') as unknown;
    const values: unknown[] = [
      null,
      0,
      -0,
      1.5e300,
      Number.NaN,
      'plain',
      '\u2028 "quoted" \\ \n \ud800 lone',
      [],
      {},
      [undefined, () => 1, Symbol('s'), 1],
      { skipped: undefined, fn: () => 1, kept: 'yes', nested: { deeper: { deepest: [1, { x: undefined }] } } },
      { when: new Date(0), boxed: new Number(3), map: new Map([[1, 2]]) },
      { custom: { toJSON: (key: string) => `toJSON of ${key}` } },
      { gone: { toJSON: () => undefined }, list: [{ toJSON: (key: string) => key }, { toJSON: () => undefined }], kept: 1 },
      { toJSON: (key: string) => ({ top: key, inner: { toJSON: (inner: string) => [inner] } }) },
      nullPrototype,
      ownProto,
      { 'é ключ': 'value', '': 'empty key', 1: 'index key' },
      { long: 'x'.repeat(100_000), list: Array.from({ length: 5_000 }, (_, i) => i) },
      { nested: [[[[[['deep']]]]]], wide: Array.from({ length: 2_000 }, (_, i) => ({ i, s: 'ü'.repeat(i % 50) })) },
    ];
    for (const value of values) expect(encodeJson(value).toString('utf8')).toBe(JSON.stringify(value));
    expect(encodeJson(undefined, '\n').toString('utf8')).toBe(`${JSON.stringify(undefined)}\n`);
  });

  it('gives Apollo Server a token and the HTTP layer the bytes behind it, once', () => {
    const answer = deepAnswer('Trinidad – Tobago');
    const token = stringifyAnswer(answer);
    expect(token.length).toBeLessThan(40);
    expect(answerBytes(token).equals(stock(answer, '\n'))).toBe(true);
    // Taken: the bytes are not kept, and the token now reads as the string it is.
    expect(answerBytes(token).toString('utf8')).toBe(token);
    expect(answerBytes('{"data":{}}\n').toString('utf8')).toBe('{"data":{}}\n');
  });

  it('answers over HTTP with the bytes and length stock Apollo Server would send', async () => {
    const names = Array.from({ length: 4_000 }, (_, i) => (i === 1_234 ? 'Trinidad – Tobago' : `Country number ${i}`));
    const apollo = new ApolloServer({
      typeDefs: 'type Query { names: [String!]! }',
      resolvers: { Query: { names: () => names } },
      stringifyResult: stringifyAnswer,
    });
    await apollo.start();
    const server = createGraphQLHttpServer(apollo, {
      path: '/graphql',
      context: () => Promise.resolve({}),
      ready: () => Promise.resolve(true),
      log: createLogger('answer-encoding-test', 'silent'),
    });
    await listen(server, 0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ names }' }),
      });
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.status).toBe(200);
      expect(body.equals(stock({ data: { names } }, '\n'))).toBe(true);
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
    } finally {
      await close(server);
      await apollo.stop();
    }
  });
});
