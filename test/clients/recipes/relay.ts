// Relay (relay-runtime) for Enlace: the recipe of docs/api.md, run by test/clients/relay.test.ts.
import { createClient } from 'graphql-ws';
import { Environment, Network, Observable, RecordSource, Store, type GraphQLResponse } from 'relay-runtime';

export interface EnlaceClientOptions {
  /** The gateway's endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** The current access token, if someone is signed in (asked before every request). */
  token?: () => string | undefined;
  /** Outside a browser (Node 20), a WebSocket implementation such as the `ws` package's. */
  webSocketImpl?: unknown;
}

export function createRelayEnvironment({ url, token, webSocketImpl }: EnlaceClientOptions): Environment {
  const authorization = () => {
    const current = token?.();
    return current ? `Bearer ${current}` : undefined;
  };
  const ws = createClient({
    url: url.replace(/^http/, 'ws'),
    connectionParams: () => ({ authorization: authorization() }),
    webSocketImpl,
    lazy: true,
  });
  const network = Network.create(
    async (operation, variables) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization() ? { authorization: authorization()! } : {}) },
        body: JSON.stringify({ query: operation.text, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    (operation, variables) =>
      Observable.create<GraphQLResponse>((sink) =>
        ws.subscribe(
          { query: operation.text!, variables },
          {
            next: (value) => sink.next(value as GraphQLResponse),
            error: (error) => sink.error(error as Error),
            complete: () => sink.complete(),
          },
        ),
      ),
  );
  return new Environment({
    network,
    store: new Store(new RecordSource()),
    // Relay expects ids unique across types; Enlace's are unique within a type (Guideline "17" and
    // Mandate "17"), so the record's key is the type and the id.
    getDataID: (fieldValue, typeName) => (fieldValue.id == null ? undefined : `${typeName}:${String(fieldValue.id)}`),
  });
}
