// urql 6 with Graphcache for Enlace: the recipe of docs/api.md, run by test/clients/urql.test.ts.
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { createClient as createSseClient } from 'graphql-sse';

export interface EnlaceClientOptions {
  /** The gateway's endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** The current access token, if someone is signed in (asked before every request). */
  token?: () => string | undefined;
}

/**
 * Objects with no identity of their own, kept inside their parent (Graphcache already does so, without a
 * warning, for PageInfo and every type whose name ends in Connection or Edge).
 */
const EMBEDDED = ['LocalizedName', 'Label', 'AgreementParty', 'IndicatorProgress', 'HemisphericReport'];

export function createUrqlClient({ url, token }: EnlaceClientOptions): Client {
  const headers = (): Record<string, string> => {
    const current = token?.();
    return current ? { authorization: `Bearer ${current}` } : {};
  };
  // Subscriptions over GraphQL over Server-Sent Events on the same endpoint (no WebSocket needed).
  const sse = createSseClient({ url, headers });
  return new Client({
    url,
    // urql's default: queries by GET while the URL stays under 2,048 characters, mutations by POST.
    fetchOptions: () => ({ headers: headers() }),
    exchanges: [
      cacheExchange({
        keys: {
          ...Object.fromEntries(EMBEDDED.map((type) => [type, () => null])),
          Vocabulary: (vocabulary) => vocabulary.language as string,
          Language: (language) => language.code as string,
        },
        resolvers: {
          Query: {
            authorities: relayPagination(),
            organizations: relayPagination(),
            services: relayPagination(),
            practices: relayPagination(),
            agreements: relayPagination(),
            countryReports: relayPagination(),
          },
          Organization: { shelterAccessLog: relayPagination() },
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sse.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}
