import type { TestGraph } from '../helpers/graph';

/** A page of the services connection, as the client recipes' tests page through it (with each client's own `gql`). */
export const SERVICES_PAGE = `
  query Services($first: Int, $after: String, $last: Int, $before: String) {
    services(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id name country { id name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

export interface ServicesPage {
  services: {
    edges: { cursor: string; node: { id: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

/** The ids of every service in the API's order, asked in one page without any client. */
export async function servicesInOrder(graph: TestGraph): Promise<string[]> {
  const { body } = await graph.query('{ services(first: 100) { nodes { id } } }');
  return body.data.services.nodes.map((node: { id: string }) => node.id);
}
