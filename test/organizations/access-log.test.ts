import { engineOf } from '../../services/kit/full-text';
import type { Viewer } from '../../services/platform/auth';
import { statementCount } from '../../services/kit/statements';
import { newId } from '../../services/kit/ids';
import { Membership } from '../../services/organizations/entities/membership.entity';
import { VerificationStatus } from '../../services/organizations/entities/organization.entity';
import type { Organization } from '../../services/organizations/entities/organization.entity';
import type { Service } from '../../services/organizations/entities/service.entity';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { insertMembership, insertOrganization, insertService } from './fixtures';

const LOG = `query($serviceId: ID, $first: Int, $after: String) { shelterAccessLog(serviceId: $serviceId, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id at viewer { id } viewerCountry { code } service { id name } } } }`;

describe('organizations subgraph: the shelter access log', () => {
  let subgraph: SubgraphUnderTest;
  const secretariat = viewer('SECRETARIAT');
  const officer = viewer('AUTHORITY', 'HN');
  let organization: Organization;
  let shelters: Service[];
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
    organization = await insertOrganization(subgraph.db, { name: 'Logged Org', countryCode: 'HN' });
    shelters = [];
    for (let i = 0; i < 5; i += 1) {
      shelters.push(await insertService(subgraph.db, organization, { name: `Logged Shelter ${i}`, shelter: { address: `Calle ${i}` } }));
    }
  });
  afterAll(() => subgraph.close());

  const run = async (source: string, who: Viewer | null, variables: Record<string, unknown> = {}) => {
    const result = await subgraph.execute(source, variables, who);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>;
  };
  const rows = async (serviceId?: string) =>
    serviceId
      ? Number((await subgraph.db.query('SELECT COUNT(*) AS n FROM shelter_access_log WHERE service_id = ?', [serviceId]))[0].n)
      : Number((await subgraph.db.query('SELECT COUNT(*) AS n FROM shelter_access_log'))[0].n);
  const LIST =
    '{ organization: organizations(filter: { search: "Logged Org" }) { nodes { services { shelter { address availableBeds } } } } }';

  it('writes one row per service an AUTHORITY reads, whatever fields and how often in a request', async () => {
    const id = shelters[0].id;
    const before = await rows(id);
    await run(`{ a: service(id: "${id}") { shelter { address availableBeds } } b: service(id: "${id}") { shelter { address } } }`, officer);
    expect(await rows(id)).toBe(before + 1);
    await run(`{ service(id: "${id}") { shelter { availableBeds } } }`, officer);
    expect(await rows(id)).toBe(before + 2);
  });

  it('writes the rows of a list in one INSERT, and reads memberships once per request', async () => {
    const before = await rows();
    /** Statements a request runs as `who` beyond those it runs for an anonymous caller. */
    const extra = async (query: string, who: Viewer) => {
      const count = async (as: Viewer | null) => {
        const start = statementCount(subgraph.db);
        await run(query, as);
        return statementCount(subgraph.db) - start;
      };
      return (await count(who)) - (await count(null));
    };
    const one = `{ service(id: "${shelters[4].id}") { shelter { address availableBeds } } }`;
    // Memberships once, and the log's INSERT (in a transaction of its own) once, for one shelter or five. On
    // SQLite the transaction takes the file's write lock first, one statement more (kit/transaction.ts).
    const forOne = await extra(one, officer);
    expect(await extra(LIST, officer)).toBe(forOne);
    expect(forOne).toBeLessThanOrEqual(engineOf(subgraph.db) === 'sqlite' ? 5 : 4);
    expect(await rows()).toBe(before + 1 + shelters.length);
    // A member reads its memberships once too, and is not logged.
    const member = viewer();
    await insertMembership(subgraph.db, member.id, organization);
    expect(await extra(LIST, member)).toBe(1);
    expect(await rows()).toBe(before + 1 + shelters.length);
  });

  it("does not log an AUTHORITY's reads of its own organization's shelters, nor fields it does not read", async () => {
    const memberOfficer = viewer('AUTHORITY', 'HN');
    await insertMembership(subgraph.db, memberOfficer.id, organization);
    const before = await rows();
    const data = await run(LIST, memberOfficer);
    expect(data.organization.nodes[0].services[0].shelter.address).toBe('Calle 0');
    await run('{ services(filter: { search: "Logged" }) { nodes { name latitude shelter { capacity } } } }', officer);
    expect(await rows()).toBe(before);
  });

  it('logs nothing for a pending shelter an AUTHORITY cannot see', async () => {
    const pending = await insertOrganization(subgraph.db, { name: 'Pending Logged', status: VerificationStatus.PENDING });
    const service = await insertService(subgraph.db, pending, { shelter: {} });
    expect(await run(`{ service(id: "${service.id}") { shelter { address } } }`, officer)).toEqual({ service: null });
    expect(await rows(service.id)).toBe(0);
  });

  describe('shelterAccessLog', () => {
    it('gives the Secretariat the reads, newest first, with who, from where and which service', async () => {
      const { id } = await insertService(subgraph.db, organization, { name: 'Logged Shelter X', shelter: {} });
      const other = viewer('AUTHORITY', 'GT');
      await run(`{ service(id: "${id}") { shelter { address } } }`, officer);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await run(`{ service(id: "${id}") { shelter { address } } }`, other);
      const data = await run(LOG, secretariat, { serviceId: id });
      expect(data.shelterAccessLog.totalCount).toBe(2);
      expect(data.shelterAccessLog.nodes).toMatchObject([
        { viewer: { id: other.id }, viewerCountry: { code: 'GT' }, service: { id, name: 'Logged Shelter X' } },
        { viewer: { id: officer.id }, viewerCountry: { code: 'HN' }, service: { id } },
      ]);
      const [newer, older] = data.shelterAccessLog.nodes.map((n: { at: string }) => Date.parse(n.at));
      expect(newer).toBeGreaterThan(older);
    });

    it('pages through every row once', async () => {
      await run(LIST, officer);
      const total = await rows();
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const data = await run(LOG, secretariat, { first: 3, after });
        seen.push(...data.shelterAccessLog.nodes.map((n: { id: string }) => n.id));
        after = data.shelterAccessLog.pageInfo.hasNextPage ? data.shelterAccessLog.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it("pages an organization's log backward with last/before, in the same order as forward", async () => {
      const ORG_LOG = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { organization(id: $id) {
        shelterAccessLog(first: $first, after: $after, last: $last, before: $before) {
          edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor } } } }`;
      type Log = {
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null };
      };
      const page = async (args: Record<string, unknown>) =>
        (await run(ORG_LOG, secretariat, { id: organization.id, ...args })).organization.shelterAccessLog as Log;
      const forward = (await page({ first: 100 })).edges.map((edge) => edge.node.id);
      expect(forward.length).toBeGreaterThan(3);
      const backward: string[] = [];
      let before: string | null = null;
      do {
        const log = await page({ last: 2, before });
        backward.unshift(...log.edges.map((edge) => edge.node.id));
        expect(log.pageInfo.hasNextPage).toBe(before !== null);
        before = log.pageInfo.hasPreviousPage ? log.pageInfo.startCursor : null;
      } while (before);
      expect(backward).toEqual(forward);
    });

    it('gives nothing for a service never read, and refuses a malformed service id', async () => {
      expect((await run(LOG, secretariat, { serviceId: newId() })).shelterAccessLog.totalCount).toBe(0);
      const { errors } = await subgraph.execute(LOG, { serviceId: 'x' }, secretariat);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceId' });
    });

    it.each([
      ['an anonymous caller', null, 'UNAUTHENTICATED'],
      ['an AUTHORITY', viewer('AUTHORITY', 'HN'), 'FORBIDDEN'],
      ['a member', viewer(), 'FORBIDDEN'],
    ])('is refused to %s', async (_who, who, code) => {
      const { data, errors } = await subgraph.execute(LOG, {}, who);
      expect(errors![0].extensions.code).toBe(code);
      expect(data).toEqual({ shelterAccessLog: null });
    });
  });

  describe('User.organizations', () => {
    const USER =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { organization { id } organizations { id status } } } }';

    it('gives a user all their organizations when they ask, and the verified ones to others', async () => {
      const user = viewer();
      const pending = await insertOrganization(subgraph.db, { name: 'Mine Pending', status: VerificationStatus.PENDING });
      // Memberships are ordered by when they began (to the second on MySQL): the pending one first.
      const joined = new Date(Date.now() - 60_000);
      await subgraph.db.getRepository(Membership).save({ userId: user.id, organizationId: pending.id, createdAt: joined });
      await insertMembership(subgraph.db, user.id, organization);
      const ask = async (who: Viewer | null) => (await run(USER, who, { r: [{ __typename: 'User', id: user.id }] }))._entities[0];
      const all = [
        { id: pending.id, status: 'PENDING' },
        { id: organization.id, status: 'VERIFIED' },
      ];
      expect(await ask(user)).toEqual({ organization: { id: pending.id }, organizations: all });
      expect(await ask(secretariat)).toEqual({ organization: { id: pending.id }, organizations: all });
      for (const who of [null, officer, viewer()]) {
        expect(await ask(who)).toEqual({ organization: { id: organization.id }, organizations: [all[1]] });
      }
    });
  });
});
