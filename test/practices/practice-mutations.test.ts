import type { ExecutionResult } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../services/platform/auth';
import { stableId } from '../../services/kit/ids';
import { demoPracticeId } from '../../services/practices/demo';
import { practicesSubgraph } from '../../services/practices/subgraph';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { FakeOrganizations, startFakeAuthorities, startFakeOrganizations } from './fake-organizations';

const TABLES = [
  'practices',
  'practice_countries',
  'practice_guidelines',
  'practice_populations',
  'practice_organizations',
  'practice_authorities',
];
const FIELDS = `id title summary body pillar status countries { code } guidelines { number } populations
  organizations { id } authorities { id } year language sourceUrl createdAt isDemo`;
const SUBMIT = `mutation($input: PracticeInput!) { submitPractice(input: $input) { ${FIELDS} } }`;
const PUBLISH = 'mutation($id: ID!) { publishPractice(id: $id) { id status } }';
const READ = 'query($id: ID!) { practice(id: $id) { id status } }';
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const INJECTION = "'; DROP TABLE practices; --";
const SCRIPT = '<script>alert("x")</script> & <b>bold</b>';

const valid = (extra: Record<string, unknown> = {}) => ({
  title: 'Mesa de protección fronteriza',
  summary: 'Autoridades y organizaciones coordinan la atención.',
  pillar: 'PROTECTION',
  countries: ['gt'],
  ...extra,
});

describe('practice mutations (in process)', () => {
  let subgraph: SubgraphUnderTest;
  let organizations: FakeOrganizations;
  let authorities: FakeOrganizations;
  const member = viewer(null);
  const pendingMember = viewer(null);
  const stranger = viewer(null);
  const gtOfficer = viewer('AUTHORITY', 'GT');
  const secretariat = viewer('SECRETARIAT');

  beforeAll(async () => {
    subgraph = await openSubgraph(practicesSubgraph);
    organizations = await startFakeOrganizations();
    subgraph.config.subgraphUrls.organizations = organizations.url;
    // Linked ids are checked with the subgraph that owns them (organizations, authorities).
    authorities = await startFakeAuthorities();
    subgraph.config.subgraphUrls.authorities = authorities.url;
    organizations.memberships.set(member.id, [
      { id: randomUUID(), status: 'PENDING' },
      { id: randomUUID(), status: 'VERIFIED' },
    ]);
    organizations.memberships.set(pendingMember.id, [{ id: randomUUID(), status: 'PENDING' }]);
  });
  afterAll(async () => {
    await organizations.close();
    await authorities.close();
    await subgraph.close();
  });

  const counts = () =>
    Promise.all(TABLES.map(async (table) => Number((await subgraph.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)));
  const submit = (input: Record<string, unknown>, who: Viewer | null) => subgraph.execute(SUBMIT, { input }, who);
  const code = (result: ExecutionResult) => result.errors?.[0].extensions?.code;
  /** Runs a mutation that must be refused, and checks that it wrote nothing. */
  async function refused(run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const before = await counts();
    const result = await run();
    expect(result.errors).toHaveLength(1);
    expect(result.data).toBeNull();
    expect(await counts()).toEqual(before);
    return result;
  }
  async function submitted(input: Record<string, unknown>, who: Viewer): Promise<Record<string, any>> {
    const result = await submit(input, who);
    expect(result.errors).toBeUndefined();
    return result.data!.submitPractice as Record<string, any>;
  }

  describe('submitPractice', () => {
    describe('who may submit', () => {
      it('refuses an anonymous caller with UNAUTHENTICATED, even with bad input, and writes nothing', async () => {
        expect(code(await refused(() => submit(valid(), null)))).toBe('UNAUTHENTICATED');
        expect(code(await refused(() => submit(valid({ title: '' }), null)))).toBe('UNAUTHENTICATED');
      });

      it('refuses a signed-in user with no role and no verified organization with FORBIDDEN saying who may submit', async () => {
        for (const who of [stranger, pendingMember]) {
          const result = await refused(() => submit(valid(), who));
          expect(code(result)).toBe('FORBIDDEN');
          expect(result.errors![0].message).toMatch(/member of a VERIFIED organization, an AUTHORITY or the SECRETARIAT/);
        }
      });

      it('asks the organizations subgraph about the caller’s memberships, by user id', async () => {
        organizations.requests.length = 0;
        await submit(valid(), stranger);
        expect(organizations.requests).toHaveLength(1);
        expect(organizations.requests[0].query).toMatch(/_entities\(representations: \$r\).*on User \{ organizations \{ id status \} \}/);
        expect(organizations.requests[0].variables.r).toEqual([{ __typename: 'User', id: stranger.id }]);
      });

      it('lets a member of a verified organization submit', async () => {
        expect(await submitted(valid(), member)).toMatchObject({ status: 'SUBMITTED' });
      });

      it('lets an AUTHORITY and the SECRETARIAT submit without asking the organizations subgraph', async () => {
        organizations.requests.length = 0;
        for (const who of [gtOfficer, secretariat]) expect((await submitted(valid(), who)).status).toBe('SUBMITTED');
        expect(organizations.requests).toHaveLength(0);
      });

      it('writes nothing when the organizations subgraph cannot be asked', async () => {
        subgraph.config.subgraphUrls.organizations = 'http://127.0.0.1:9/graphql';
        try {
          expect(code(await refused(() => submit(valid(), member)))).toBe('INTERNAL_SERVER_ERROR');
        } finally {
          subgraph.config.subgraphUrls.organizations = organizations.url;
        }
      });
    });

    describe('what it creates', () => {
      it('creates a SUBMITTED practice now, with upper-case countries, repeats collapsed and Spanish by default', async () => {
        const [organization, authority] = [randomUUID(), randomUUID()];
        const before = Date.now();
        const practice = await submitted(
          valid({
            countries: ['gt', 'MX', 'Gt'],
            guidelines: [60, 16, 60],
            populations: ['WOMEN', 'MIGRANTS', 'WOMEN'],
            organizationIds: [organization.toUpperCase(), organization],
            authorityIds: [authority],
            year: NEXT_YEAR,
            body: 'Texto completo.',
            sourceUrl: 'https://example.org/informe',
          }),
          gtOfficer,
        );
        expect(practice).toMatchObject({
          title: 'Mesa de protección fronteriza',
          status: 'SUBMITTED',
          pillar: 'PROTECTION',
          countries: [{ code: 'GT' }, { code: 'MX' }],
          guidelines: [{ number: 16 }, { number: 60 }],
          organizations: [{ id: organization }],
          authorities: [{ id: authority }],
          year: NEXT_YEAR,
          language: 'spa',
          body: 'Texto completo.',
          sourceUrl: 'https://example.org/informe',
          isDemo: false,
        });
        expect([...practice.populations].sort()).toEqual(['MIGRANTS', 'WOMEN']);
        const createdAt = new Date(practice.createdAt).getTime();
        expect(createdAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
        expect(createdAt).toBeLessThanOrEqual(Date.now());
        const [row] = await subgraph.db.query('SELECT submitted_by, status FROM practices WHERE id = ?', [practice.id]);
        expect(row).toEqual({ submitted_by: gtOfficer.id, status: 'SUBMITTED' });
      });

      it('stores SQL-injection and script strings verbatim, and every table survives', async () => {
        const practice = await submitted(valid({ title: INJECTION, summary: SCRIPT, body: `${INJECTION}\n${SCRIPT}` }), secretariat);
        expect(practice).toMatchObject({ title: INJECTION, summary: SCRIPT, body: `${INJECTION}\n${SCRIPT}` });
        const { data } = await subgraph.execute(
          'query($id: ID!) { practice(id: $id) { title summary body } }',
          { id: practice.id },
          secretariat,
        );
        expect(data!.practice).toEqual({ title: INJECTION, summary: SCRIPT, body: `${INJECTION}\n${SCRIPT}` });
        expect((await counts()).every((n) => n > 0)).toBe(true);
      });
    });

    describe('validation', () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['a 1,000,000-character title', { title: 'x'.repeat(1_000_000) }, 'title'],
        ['a one-character title', { title: 'x' }, 'title'],
        ['a blank title', { title: '   ' }, 'title'],
        ['an empty summary', { summary: '' }, 'summary'],
        ['a 2,001-character summary', { summary: 's'.repeat(2001) }, 'summary'],
        ['a 20,001-character body', { body: 'b'.repeat(20_001) }, 'body'],
        ['no country', { countries: [] }, 'countries'],
        ['a country that is not a Member State', { countries: ['GT', 'XX'] }, 'countries'],
        ['a country of Europe', { countries: ['ES'] }, 'countries'],
        ['36 countries', { countries: Array(36).fill('GT') }, 'countries'],
        ['10,000 guidelines', { guidelines: Array.from({ length: 10_000 }, (_, i) => (i % 67) + 1) }, 'guidelines'],
        ['guideline 99', { guidelines: [16, 99] }, 'guidelines'],
        ['guideline 0', { guidelines: [0] }, 'guidelines'],
        ['11 populations', { populations: Array(11).fill('WOMEN') }, 'populations'],
        ['a year before 1900', { year: 1899 }, 'year'],
        ['a year after next year', { year: NEXT_YEAR + 1 }, 'year'],
        ['a language that is not ISO 639-3', { language: 'es' }, 'language'],
        ['a javascript: source address', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
        ['an ftp source address', { sourceUrl: 'ftp://example.org/a' }, 'sourceUrl'],
        ['a 501-character source address', { sourceUrl: `https://example.org/${'a'.repeat(481)}` }, 'sourceUrl'],
        ['an organization id that is not a UUID', { organizationIds: ["1' OR '1'='1"] }, 'organizationIds'],
        ['21 organizations', { organizationIds: Array.from({ length: 21 }, () => randomUUID()) }, 'organizationIds'],
        ['an authority id that is not a UUID', { authorityIds: ['gt-1'] }, 'authorityIds'],
        ['21 authorities', { authorityIds: Array.from({ length: 21 }, () => randomUUID()) }, 'authorityIds'],
      ];

      it.each(cases)('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, extra, field) => {
        const result = await refused(() => submit(valid(extra), secretariat));
        expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(result.errors![0].message).toContain(`${field}:`);
        expect(result.errors![0].message.length).toBeLessThan(1000);
      });

      it('names every field at fault in extensions.fields', async () => {
        const result = await refused(() => submit(valid({ title: '', countries: ['XX'], year: 1 }), secretariat));
        const fields = (result.errors![0].extensions.fields as { field: string }[]).map((f) => f.field);
        expect(fields).toEqual(expect.arrayContaining(['title', 'countries', 'year']));
      });

      it('accepts the limits themselves', async () => {
        const practice = await submitted(
          valid({
            title: 't'.repeat(300),
            summary: 's'.repeat(2000),
            body: 'b'.repeat(20_000),
            countries: [
              'AG',
              'ar',
              'BS',
              'BB',
              'BZ',
              'BO',
              'BR',
              'CA',
              'CL',
              'CO',
              'CR',
              'CU',
              'DM',
              'DO',
              'EC',
              'SV',
              'GD',
              'GT',
              'GY',
              'HT',
              'HN',
              'JM',
              'MX',
              'NI',
              'PA',
              'PY',
              'PE',
              'KN',
              'LC',
              'VC',
              'SR',
              'TT',
              'US',
              'UY',
              'VE',
            ],
            guidelines: Array.from({ length: 67 }, (_, i) => i + 1),
            year: 1900,
            language: 'quc',
            sourceUrl: `http://example.org/${'a'.repeat(481)}`,
          }),
          secretariat,
        );
        expect(practice.countries).toHaveLength(35);
        expect(practice.guidelines).toHaveLength(67);
        expect(practice.language).toBe('quc');
      });
    });
  });

  describe('links to organizations and authorities', () => {
    it('refuses, naming the field, an organization or authority id that its subgraph does not show the submitter, and writes nothing', async () => {
      const [shown, hidden] = [randomUUID(), randomUUID()];
      organizations.hidden.add(hidden);
      authorities.hidden.add(hidden);
      for (const field of ['organizationIds', 'authorityIds']) {
        const result = await refused(() => submit(valid({ [field]: [shown, hidden] }), gtOfficer));
        expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(result.errors![0].message).toContain(hidden);
      }
    });

    it('asks each owner once for all the ids of a submission, with the caller as the caller', async () => {
      organizations.requests.length = 0;
      authorities.requests.length = 0;
      const ids = [randomUUID(), randomUUID()];
      await submitted(valid({ organizationIds: ids, authorityIds: ids }), gtOfficer);
      for (const [owner, typename] of [
        [organizations, 'Organization'],
        [authorities, 'NationalAuthority'],
      ] as const) {
        expect(owner.requests.map((request) => request.variables.r)).toEqual([ids.map((id) => ({ __typename: typename, id }))]);
      }
    });

    it('leaves out of every list the links the viewer may not see, and keeps the rest of the practice', async () => {
      const [kept, later] = [randomUUID(), randomUUID()];
      const practice = await submitted(valid({ organizationIds: [kept, later], authorityIds: [later, kept] }), gtOfficer);
      organizations.hidden.add(later);
      authorities.hidden.add(later);
      const { data, errors } = await subgraph.execute(
        'query($id: ID!) { practice(id: $id) { title organizations { id } authorities { id } } }',
        { id: practice.id },
        gtOfficer,
      );
      expect(errors).toBeUndefined();
      expect(data!.practice).toEqual({ title: practice.title, organizations: [{ id: kept }], authorities: [{ id: kept }] });
    });

    it('refuses to answer links it could not check: nothing is shown unchecked', async () => {
      const practice = await submitted(valid({ organizationIds: [randomUUID()] }), gtOfficer);
      subgraph.config.subgraphUrls.organizations = 'http://127.0.0.1:9/graphql';
      try {
        const { data, errors } = await subgraph.execute(
          'query($id: ID!) { practice(id: $id) { organizations { id } } }',
          { id: practice.id },
          gtOfficer,
        );
        expect(errors![0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
        expect(data!.practice).toBeNull();
      } finally {
        subgraph.config.subgraphUrls.organizations = organizations.url;
      }
    });
  });

  describe('a practice under review', () => {
    const author = viewer(null);
    let id: string;
    beforeAll(async () => {
      organizations.memberships.set(author.id, [{ id: randomUUID(), status: 'VERIFIED' }]);
      id = (await submitted(valid({ title: 'Práctica en revisión', countries: ['PE'], guidelines: [15] }), author)).id;
    });
    const listed = async (who: Viewer | null, filter = '{ country: "PE" }') => {
      const { data, errors } = await subgraph.execute(`{ practices(filter: ${filter}, first: 100) { nodes { id } } }`, {}, who);
      expect(errors).toBeUndefined();
      return (data!.practices as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    };
    const read = async (who: Viewer | null) => (await subgraph.execute(READ, { id }, who)).data!.practice;

    it('is read and listed by its submitter and the Secretariat', async () => {
      for (const who of [author, secretariat]) {
        expect(await read(who)).toEqual({ id, status: 'SUBMITTED' });
        expect(await listed(who)).toContain(id);
        expect(await listed(who, '{ status: SUBMITTED }')).toContain(id);
      }
    });

    it('is neither read nor listed by anyone else', async () => {
      for (const who of [null, stranger, member, gtOfficer, viewer('AUTHORITY', 'PE')]) {
        expect(await read(who)).toBeNull();
        expect(await listed(who)).not.toContain(id);
        expect(await listed(who, '{ status: SUBMITTED }')).not.toContain(id);
      }
      // those who submitted nothing see no practice under review at all
      for (const who of [null, stranger]) expect(await listed(who, '{ status: SUBMITTED }')).toEqual([]);
    });

    it('shows the Secretariat every status, the demo practice under review included', async () => {
      expect(await listed(secretariat, '{ status: SUBMITTED }')).toContain(demoPracticeId('chaco-shelter-py'));
      expect(await listed(author, '{ status: SUBMITTED }')).toEqual([id]);
    });

    it('shows in the practices of a guideline to its submitter and the Secretariat only', async () => {
      const source = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Guideline { practices { id } } } }';
      const ids = async (who: Viewer | null) =>
        ((await subgraph.execute(source, { r: [{ __typename: 'Guideline', number: 15 }] }, who)).data!._entities as any[])[0].practices.map(
          (p: { id: string }) => p.id,
        );
      expect(await ids(author)).toContain(id);
      expect(await ids(secretariat)).toContain(id);
      for (const who of [null, stranger, member]) expect(await ids(who)).not.toContain(id);
    });
  });

  describe('publishPractice', () => {
    let id: string;
    beforeAll(async () => {
      id = (await submitted(valid({ title: 'Para publicar' }), member)).id;
    });
    const publish = (practiceId: string, who: Viewer | null) => subgraph.execute(PUBLISH, { id: practiceId }, who);

    it('refuses an anonymous caller with UNAUTHENTICATED and anyone but the Secretariat with FORBIDDEN', async () => {
      expect(code(await refused(() => publish(id, null)))).toBe('UNAUTHENTICATED');
      for (const who of [member, gtOfficer, stranger]) expect(code(await refused(() => publish(id, who)))).toBe('FORBIDDEN');
      expect(await (await subgraph.execute(READ, { id }, member)).data!.practice).toEqual({ id, status: 'SUBMITTED' });
    });

    it('answers NOT_FOUND for an unknown or malformed id', async () => {
      expect(code(await refused(() => publish(stableId('nothing'), secretariat)))).toBe('NOT_FOUND');
      expect(code(await refused(() => publish("' OR 1=1 --", secretariat)))).toBe('NOT_FOUND');
    });

    it('publishes a submitted practice for everyone to read', async () => {
      const { data, errors } = await publish(id, secretariat);
      expect(errors).toBeUndefined();
      expect(data!.publishPractice).toEqual({ id, status: 'PUBLISHED' });
      expect((await subgraph.execute(READ, { id }, null)).data!.practice).toEqual({ id, status: 'PUBLISHED' });
    });

    it('refuses to publish a published practice again with BAD_USER_INPUT', async () => {
      const result = await refused(() => publish(id, secretariat));
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(result.errors![0].message).toMatch(/already PUBLISHED/);
      expect(code(await refused(() => publish(demoPracticeId('hotline-gt'), secretariat)))).toBe('BAD_USER_INPUT');
    });
  });
});
