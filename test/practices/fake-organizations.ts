import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Membership {
  id: string;
  status: 'PENDING' | 'VERIFIED' | 'SUSPENDED';
}

/**
 * Stands in for the organizations subgraph (or the authorities subgraph) in in-process tests: answers
 * `_entities` for User representations with the memberships a test sets, for any other entity with its
 * id unless a test hid it (null: unknown to the caller or hidden from it), and records what it was asked.
 */
export interface FakeOrganizations {
  url: string;
  memberships: Map<string, Membership[]>;
  /** Ids answered null, as the owner answers an id it does not know or does not show the caller. */
  hidden: Set<string>;
  requests: { query: string; variables: { r: { __typename: string; id: string }[] } }[];
  close: () => Promise<void>;
}

export async function startFakeOrganizations(): Promise<FakeOrganizations> {
  const memberships = new Map<string, Membership[]>();
  const hidden = new Set<string>();
  const requests: FakeOrganizations['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const request = JSON.parse(body) as FakeOrganizations['requests'][number];
      requests.push(request);
      const entities = request.variables.r.map((r) =>
        r.__typename === 'User' ? { organizations: memberships.get(r.id) ?? [] } : hidden.has(r.id) ? null : { id: r.id },
      );
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { _entities: entities } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    memberships,
    hidden,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The authorities subgraph's part in the same tests: which authority ids it knows. */
export const startFakeAuthorities = startFakeOrganizations;
