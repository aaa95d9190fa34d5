import type autocannon from 'autocannon';
import { benchToken } from './processes';
import { ADD_SERVICE, benchOrganization, CREATE_AGREEMENT, REGISTER_ORGANIZATION, S6_READS, SIGN_AGREEMENT } from './queries';

/** autocannon's request list: what one connection sends, in a loop. */
export type MixedRequests = NonNullable<Parameters<typeof autocannon>[0]['requests']>;

const JSON_HEADERS = { 'content-type': 'application/json' };
const secretariat = `Bearer ${benchToken({ id: '00000000-0000-4000-8000-00000000beef', role: 'SECRETARIAT', country: null, authorityId: null })}`;

/** An account of the graph for S6's user writes (registerOrganization needs one). */
export async function signUp(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({
      query: `mutation { signUp(input: { email: "bench-user@example.org", password: "bench-password-2026", name: "Benchmark user" }) { token } }`,
    }),
  });
  const body = (await response.json()) as { data?: { signUp: { token: string } }; errors?: unknown };
  if (!body.data) throw new Error(`sign-up failed: ${JSON.stringify(body.errors)}`);
  return `Bearer ${body.data.signUp.token}`;
}

/**
 * S6: per connection, reads interleaved with the writes people make (4 writes in 10 requests: an
 * agreement created, then signed by its first party; an organization registered; a service added).
 * `rounds` is the dataset's scale: new services go to each of its organizations in turn, not to the
 * first round's 35 only, whose lists (read here by `organizations(first: 20) { services }`) would
 * otherwise grow twentyfold in a 10-minute soak.
 */
export function mixed(user: string, rounds = 1): MixedRequests {
  let n = 0;
  const post = (query: string, authorization?: string) => ({
    method: 'POST',
    headers: { ...JSON_HEADERS, ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  const write = (
    authorization: string,
    build: (context: Record<string, unknown>) => object,
    onResponse?: (body: string, context: Record<string, unknown>) => void,
  ) => ({
    method: 'POST',
    headers: { ...JSON_HEADERS, authorization },
    setupRequest: (request: object, context: Record<string, unknown>) => ({ ...request, body: JSON.stringify(build(context)) }),
    onResponse: (_status: number, body: string, context: Record<string, unknown>) => onResponse?.(body, context),
  });
  return [
    post(S6_READS[0]),
    write(
      secretariat,
      (context) => {
        const i = (n += 1);
        const a = benchOrganization(i).country;
        const b = benchOrganization(i + 1).country;
        context.party = a;
        return { query: CREATE_AGREEMENT, variables: { t: `Benchmark mixed agreement ${i}`, a, b } };
      },
      (body, context) =>
        (context.agreementId = (JSON.parse(body) as { data?: { createAgreement?: { id: string } } }).data?.createAgreement?.id),
    ),
    post(S6_READS[1]),
    write(secretariat, (context) => ({
      query: SIGN_AGREEMENT,
      variables: { id: context.agreementId ?? 'none', c: context.party ?? 'XX' },
    })),
    post(S6_READS[2]),
    post(S6_READS[3], user),
    write(user, () => ({
      query: REGISTER_ORGANIZATION,
      variables: { n: `Benchmark mixed organization ${(n += 1)}`, c: benchOrganization(n).country },
    })),
    post(S6_READS[0], secretariat),
    write(secretariat, () => {
      const organization = benchOrganization((n += 1), rounds);
      return { query: ADD_SERVICE, variables: { o: organization.id, n: `Benchmark mixed service ${n}`, c: organization.country } };
    }),
    post(S6_READS[1], user),
  ];
}
