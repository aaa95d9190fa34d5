import { accountsSubgraph } from '../../services/accounts/subgraph';
import { Role, User } from '../../services/accounts/entities/user.entity';
import type { Viewer } from '../../services/platform/auth';
import { statementCount } from '../../services/kit/statements';
import { stableId } from '../../services/kit/ids';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';

const officerId = stableId('test:user:officer');
const plainId = stableId('test:user:plain');

function user(fields: Partial<User> & Pick<User, 'id' | 'email' | 'name'>): User {
  return Object.assign(new User(), { passwordHash: null, role: null, countryCode: null, authorityId: null, ...fields });
}

const viewerOf = (id: string): Viewer => ({ id, role: null, country: null, authorityId: null });
const secretariat: Viewer = { id: stableId('test:user:secretariat'), role: 'SECRETARIAT', country: null, authorityId: null };

describe('accounts subgraph', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(accountsSubgraph);
    await subgraph.db
      .getRepository(User)
      .insert([
        user({ id: officerId, email: 'officer@gt.demo.enlace.example', name: 'Officer Demo', role: Role.AUTHORITY, countryCode: 'GT' }),
        user({ id: plainId, email: 'plain@demo.enlace.example', name: 'Plain Demo', passwordHash: 'not-a-real-hash' }),
      ]);
  });
  afterAll(() => subgraph.close());

  describe('me', () => {
    it('answers null for an anonymous viewer', async () => {
      const { data, errors } = await subgraph.execute('{ me { id email } }');
      expect(errors).toBeUndefined();
      expect(data).toEqual({ me: null });
    });

    it('gives the signed-in user their own account, role and country', async () => {
      const { data, errors } = await subgraph.execute('{ me { id email name role country { code } } }', {}, viewerOf(officerId));
      expect(errors).toBeUndefined();
      expect(data!.me).toEqual({
        id: officerId,
        email: 'officer@gt.demo.enlace.example',
        name: 'Officer Demo',
        role: 'AUTHORITY',
        country: { code: 'GT' },
      });
    });

    it('gives null role and country to an ordinary user', async () => {
      const { data } = await subgraph.execute('{ me { name role country { code } } }', {}, viewerOf(plainId));
      expect(data!.me).toEqual({ name: 'Plain Demo', role: null, country: null });
    });

    it('answers null for a viewer whose account is gone or whose id is malformed', async () => {
      const gone = await subgraph.execute('{ me { id } }', {}, viewerOf(stableId('test:user:deleted')));
      const malformed = await subgraph.execute('{ me { id } }', {}, viewerOf('not-a-uuid'));
      expect([gone.data, malformed.data]).toEqual([{ me: null }, { me: null }]);
    });

    it('never exposes the password hash', async () => {
      const { errors } = await subgraph.execute('{ me { passwordHash } }', {}, viewerOf(plainId));
      expect(errors![0].message).toMatch(/Cannot query field "passwordHash"/);
    });
  });

  describe('federation', () => {
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name role country { code } } } }';

    // The Secretariat's shelter access log names the officers who read: the one User reference of the graph.
    it('resolves User references for the gateway, null for unknown or malformed ids', async () => {
      const { data, errors } = await subgraph.execute(
        entities,
        {
          r: [
            { __typename: 'User', id: officerId },
            { __typename: 'User', id: stableId('test:user:nobody') },
            { __typename: 'User', id: 'nope' },
          ],
        },
        secretariat,
      );
      expect(errors).toBeUndefined();
      expect(data!._entities).toEqual([{ id: officerId, name: 'Officer Demo', role: 'AUTHORITY', country: { code: 'GT' } }, null, null]);
    });

    it("answers null, without an error, for another user's reference: an account is seen by that user and the Secretariat only", async () => {
      const r = [officerId, plainId].map((id) => ({ __typename: 'User', id }));
      const anotherOfficer: Viewer = { id: stableId('test:user:other-officer'), role: 'AUTHORITY', country: 'GT', authorityId: null };
      for (const who of [null, viewerOf(plainId), anotherOfficer]) {
        const { data, errors } = await subgraph.execute(entities, { r }, who);
        expect(errors).toBeUndefined();
        expect(data!._entities).toEqual([
          null,
          who?.id === plainId ? { id: plainId, name: 'Plain Demo', role: null, country: null } : null,
        ]);
      }
      const self = await subgraph.execute(entities, { r }, viewerOf(officerId));
      expect(self.data!._entities).toEqual([{ id: officerId, name: 'Officer Demo', role: 'AUTHORITY', country: { code: 'GT' } }, null]);
    });

    it('resolves many references with one statement', async () => {
      const before = statementCount(subgraph.db);
      await subgraph.execute(entities, {
        r: [officerId, plainId, officerId].map((id) => ({ __typename: 'User', id })),
      });
      expect(statementCount(subgraph.db) - before).toBe(1);
    });

    it("gives no one but the user themself and the Secretariat another user's e-mail: the account is null to them", async () => {
      const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }';
      const r = [{ __typename: 'User', id: officerId }];
      for (const who of [null, viewerOf(plainId)]) {
        const other = await subgraph.execute(query, { r }, who);
        expect(other.errors).toBeUndefined();
        expect(other.data!._entities).toEqual([null]);
      }
      for (const who of [viewerOf(officerId), secretariat]) {
        const seen = await subgraph.execute(query, { r }, who);
        expect(seen.data!._entities).toEqual([{ email: 'officer@gt.demo.enlace.example' }]);
      }
    });
  });

  describe('storage', () => {
    it('refuses a second user with the same e-mail (unique index)', async () => {
      const duplicate = user({ id: stableId('test:user:duplicate'), email: 'plain@demo.enlace.example', name: 'Duplicate Demo' });
      await expect(subgraph.db.getRepository(User).insert(duplicate)).rejects.toThrow();
      expect(await subgraph.db.getRepository(User).countBy({ email: 'plain@demo.enlace.example' })).toBe(1);
    });

    it('records when the account was created', async () => {
      const stored = await subgraph.db.getRepository(User).findOneByOrFail({ id: plainId });
      expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    });
  });
});
