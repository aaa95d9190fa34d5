// Apollo Client 4 for Enlace: the recipe of docs/api.md, run by test/clients/apollo.test.ts.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

export interface EnlaceClientOptions {
  /** The gateway's endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** The current access token, if someone is signed in (asked before every request). */
  token?: () => string | undefined;
  /** Outside a browser (Node 20), a WebSocket implementation such as the `ws` package's. */
  webSocketImpl?: unknown;
}

/**
 * Ask with `errorPolicy: 'all'` where a partial answer is useful (a page that shows what it can when one
 * subgraph is down): Apollo's default ('none') drops the data of an answer that carries any error.
 */
export function createApolloClient({ url, token, webSocketImpl }: EnlaceClientOptions): ApolloClient {
  const authorization = () => {
    const current = token?.();
    return current ? `Bearer ${current}` : undefined;
  };
  // Queries go by GET (cacheable by the browser and any proxy), mutations by POST.
  const http = ApolloLink.from([
    new SetContextLink(({ headers }) => ({ headers: { ...headers, ...(authorization() ? { authorization: authorization() } : {}) } })),
    new HttpLink({ uri: url, useGETForQueries: true }),
  ]);
  // Subscriptions over graphql-ws on the same path; the token goes in the connection's first message.
  const ws = new GraphQLWsLink(
    createClient({
      url: url.replace(/^http/, 'ws'),
      connectionParams: () => ({ authorization: authorization() }),
      webSocketImpl,
      lazy: true,
    }),
  );
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    ws,
    http,
  );
  return new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // Every connection pages the Relay way: one cached list per filter, pages merged in order,
        // forward (first/after) and backward (last/before).
        Query: {
          fields: {
            authorities: relayStylePagination(['filter']),
            organizations: relayStylePagination(['filter']),
            services: relayStylePagination(['filter']),
            practices: relayStylePagination(['filter']),
            agreements: relayStylePagination(['filter']),
            countryReports: relayStylePagination(['filter']),
          },
        },
        Organization: { fields: { shelterAccessLog: relayStylePagination() } },
        // Country (id = its code), Guideline and Mandate (id = the number) are normalized by their id like
        // every other entity; the vocabulary is one object per language.
        Vocabulary: { keyFields: ['language'] },
        Language: { keyFields: ['code'] },
      },
    }),
  });
}
