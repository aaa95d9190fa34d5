import { TRACKED } from '../../services/authorities/history';
import type { Viewer } from '../../services/platform/auth';
import { LIST_CAPS } from '../../services/platform/limits';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';
import { refusedWithoutWrites } from '../helpers/rows';

const FIELDS = 'id name acronym competences description website email phone isContactPoint archived updatedAt country { code }';
const CREATE = `mutation($i: AuthorityInput!) { createAuthority(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: AuthorityUpdateInput!) { updateAuthority(id: $id, input: $i) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveAuthority(id: $id) { ${FIELDS} } }`;
const DESIGNATE = `mutation($c: ID!, $a: ID!) { designateContactPoint(country: $c, authorityId: $a) { code contactPoint { id name } } }`;
const AUTHORITY = `query($id: ID!) { authority(id: $id) { ${FIELDS} } }`;
const HISTORY = `query($a: ID, $first: Int, $after: String) { authorityHistory(authorityId: $a, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { kind authorityId countryCode userId at fields { field oldValue newValue } } } }`;
const SEARCH = 'query($s: String!) { authorities(filter: { search: $s }) { totalCount nodes { id } } }';
const NOBODY = '00000000-0000-4000-8000-000000000000';

type Authority = {
  id: string;
  name: string;
  acronym: string | null;
  competences: string[];
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  isContactPoint: boolean;
  archived: boolean;
  updatedAt: string;
  country: { code: string };
};
type Change = {
  kind: string;
  authorityId: string;
  countryCode: string;
  userId: string;
  at: string;
  fields: { field: string; oldValue: string | null; newValue: string | null }[];
};

const input = (name: string, extra: Record<string, unknown> = {}) => ({ country: 'GT', name, competences: ['COORDINATION'], ...extra });

/** The directory maintained by the States, as a client sees it through the gateway (issue 16). */
describe('the directory of national authorities through the gateway', () => {
  let graph: TestGraph;
  const gtOfficer = viewer('AUTHORITY', 'GT');
  const mxOfficer = viewer('AUTHORITY', 'MX');
  const noRole = viewer(null);
  const secretariat = viewer('SECRETARIAT');

  beforeAll(async () => {
    // The test sends far more changes than the edge lets one address make in a minute.
    graph = await startGraph({ MUTATION_RATE_LIMIT: '100000' });
  });
  afterAll(() => graph?.stop());

  const call = async (query: string, variables: Record<string, unknown>, who: Viewer | null) =>
    (await graph.query(query, variables, who ? asViewer(who) : {})).body;
  const create = async (name: string, extra: Record<string, unknown> = {}, who: Viewer = gtOfficer): Promise<Authority> => {
    const body = await call(CREATE, { i: input(name, extra) }, who);
    expect(body.errors).toBeUndefined();
    return body.data.createAuthority as Authority;
  };
  const read = async (id: string): Promise<Authority> => (await call(AUTHORITY, { id }, null)).data.authority as Authority;
  const history = async (authorityId: string): Promise<Change[]> => {
    const body = await call(HISTORY, { a: authorityId, first: 100 }, secretariat);
    expect(body.errors).toBeUndefined();
    return body.data.authorityHistory.nodes as Change[];
  };
  /** A mutation refused with `code` (and `field`) that adds or removes no row of any subgraph (helpers/rows.ts). */
  const refused = (query: string, variables: Record<string, unknown>, who: Viewer | null, code: string, field?: string) =>
    refusedWithoutWrites(graph, () => call(query, variables, who), code, field);

  describe('who may change the directory', () => {
    let gt: Authority;
    beforeAll(async () => {
      gt = await create('Secretaría contra la Violencia Sexual, Explotación y Trata', { acronym: 'SVET' });
    });

    it('refuses every write to an anonymous caller with UNAUTHENTICATED, writing nothing', async () => {
      await refused(CREATE, { i: input('Anónima') }, null, 'UNAUTHENTICATED');
      await refused(UPDATE, { id: gt.id, i: { name: 'Cambiada' } }, null, 'UNAUTHENTICATED');
      await refused(ARCHIVE, { id: gt.id }, null, 'UNAUTHENTICATED');
      await refused(DESIGNATE, { c: 'GT', a: gt.id }, null, 'UNAUTHENTICATED');
      expect(await read(gt.id)).toEqual(gt);
    });

    it("refuses an AUTHORITY of Mexico every write in Guatemala's directory with FORBIDDEN, writing nothing", async () => {
      await refused(CREATE, { i: input('Intrusa') }, mxOfficer, 'FORBIDDEN');
      await refused(UPDATE, { id: gt.id, i: { name: 'Cambiada por México' } }, mxOfficer, 'FORBIDDEN');
      await refused(UPDATE, { id: gt.id, i: { name: null } }, mxOfficer, 'FORBIDDEN');
      await refused(ARCHIVE, { id: gt.id }, mxOfficer, 'FORBIDDEN');
      await refused(DESIGNATE, { c: 'GT', a: gt.id }, mxOfficer, 'FORBIDDEN');
      expect(await read(gt.id)).toEqual(gt);
      expect(await history(gt.id)).toHaveLength(1);
    });

    it('refuses a signed-in user without a role with FORBIDDEN', async () => {
      await refused(CREATE, { i: input('Sin rol') }, noRole, 'FORBIDDEN');
      await refused(UPDATE, { id: gt.id, i: { acronym: 'X' } }, noRole, 'FORBIDDEN');
    });

    it('lets the Secretariat change any country, and an AUTHORITY its own', async () => {
      const hn = await create('Comisión Interinstitucional contra la Explotación Sexual', { country: 'hn' }, secretariat);
      expect(hn.country.code).toBe('HN');
      const renamed = await call(UPDATE, { id: gt.id, i: { acronym: 'SVET-GT' } }, gtOfficer);
      expect(renamed.data.updateAuthority.acronym).toBe('SVET-GT');
      const bySecretariat = await call(UPDATE, { id: hn.id, i: { acronym: 'CICESCT' } }, secretariat);
      expect(bySecretariat.data.updateAuthority.acronym).toBe('CICESCT');
    });

    it('answers NOT_FOUND for an unknown authority', async () => {
      await refused(UPDATE, { id: NOBODY, i: { acronym: 'X' } }, secretariat, 'NOT_FOUND');
      await refused(ARCHIVE, { id: 'not-an-id' }, secretariat, 'NOT_FOUND');
      await refused(DESIGNATE, { c: 'GT', a: NOBODY }, secretariat, 'NOT_FOUND');
    });
  });

  describe('what an authority may hold', () => {
    it('stores the name, acronym and e-mail trimmed and the phone in E.164, and answers the phone formatted internationally', async () => {
      const created = await create('  Fiscalía contra la Trata de Personas  ', {
        acronym: ' FETP ',
        competences: ['PROSECUTION', 'INVESTIGATION'],
        description: 'Investiga y persigue la trata de personas.',
        website: 'https://www.mp.gob.gt',
        email: ' trata@mp.gob.gt ',
        phone: '+50222223333',
      });
      expect(created).toMatchObject({
        name: 'Fiscalía contra la Trata de Personas',
        acronym: 'FETP',
        competences: ['PROSECUTION', 'INVESTIGATION'],
        email: 'trata@mp.gob.gt',
        phone: '+502 2222 3333',
        isContactPoint: false,
        archived: false,
        country: { code: 'GT' },
      });
      expect(Date.now() - Date.parse(created.updatedAt)).toBeLessThan(60_000);
      const [{ phone }] = await graph.subgraphs.authorities.db.query('SELECT phone FROM national_authorities WHERE id = ?', [created.id]);
      expect(phone).toBe('+50222223333');
    });

    const cases: [string, Record<string, unknown>, string][] = [
      ['a name of one letter once trimmed', { name: '  A  ' }, 'name'],
      ['a name of spaces', { name: '      ' }, 'name'],
      ['a name over 200 characters', { name: 'N'.repeat(201) }, 'name'],
      ['a blank acronym', { acronym: '   ' }, 'acronym'],
      ['an acronym over 50 characters', { acronym: 'A'.repeat(51) }, 'acronym'],
      ['no competence', { competences: [] }, 'competences'],
      ['a competence twice', { competences: ['PREVENTION', 'PREVENTION'] }, 'competences'],
      ['a description over 2000 characters', { description: 'd'.repeat(2001) }, 'description'],
      ['a javascript: website', { website: 'javascript:alert(1)' }, 'website'],
      ['an ftp website', { website: 'ftp://files.example.org' }, 'website'],
      ['a website without a scheme', { website: 'www.example.org' }, 'website'],
      ['an e-mail without a domain', { email: 'trata@' }, 'email'],
      ['a phone without its country code', { phone: '2222 3333' }, 'phone'],
      ['a phone too short for its country', { phone: '+502 2222' }, 'phone'],
      ['a phone of letters', { phone: '+502 CALL NOW' }, 'phone'],
      ['a country that is no Member State', { country: 'ES' }, 'country'],
    ];
    it.each(cases)('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, extra, field) => {
      await refused(CREATE, { i: input('Autoridad válida', extra) }, secretariat, 'BAD_USER_INPUT', field);
    });

    it('refuses the same mistakes in an update, changing nothing', async () => {
      const authority = await create('Autoridad por validar');
      for (const [, extra, field] of cases.filter(([, extra]) => !('country' in extra))) {
        await refused(UPDATE, { id: authority.id, i: extra }, gtOfficer, 'BAD_USER_INPUT', field);
      }
      expect(await read(authority.id)).toEqual(authority);
      expect(await history(authority.id)).toHaveLength(1);
    });
  });

  describe('update semantics', () => {
    let full: Authority;
    beforeAll(async () => {
      full = await create('Procuraduría de la Niñez', {
        acronym: 'PGN',
        competences: ['VICTIM_PROTECTION'],
        description: 'Protege a niñas, niños y adolescentes.',
        website: 'https://pgn.gob.gt',
        email: 'ninez@pgn.gob.gt',
        phone: '+502 2414 8787',
      });
    });

    it('keeps a field left out as it is', async () => {
      const { data } = await call(UPDATE, { id: full.id, i: { acronym: 'PGN-GT' } }, gtOfficer);
      const after = data.updateAuthority as Authority;
      expect(after).toEqual({ ...full, acronym: 'PGN-GT', updatedAt: after.updatedAt });
      expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(full.updatedAt));
      full = after;
    });

    it('clears a nullable field given null, and only it', async () => {
      const { data } = await call(UPDATE, { id: full.id, i: { website: null, phone: null, description: null } }, gtOfficer);
      const after = data.updateAuthority as Authority;
      expect(after).toEqual({ ...full, website: null, phone: null, description: null, updatedAt: after.updatedAt });
      expect(await read(full.id)).toEqual(after);
      full = after;
    });

    it('refuses null for a required field (name, competences) with BAD_USER_INPUT, changing nothing', async () => {
      await refused(UPDATE, { id: full.id, i: { name: null } }, gtOfficer, 'BAD_USER_INPUT', 'name');
      await refused(UPDATE, { id: full.id, i: { competences: null, acronym: 'OTRA' } }, gtOfficer, 'BAD_USER_INPUT', 'competences');
      expect(await read(full.id)).toEqual(full);
    });

    it('records nothing and keeps updatedAt for an update that changes nothing', async () => {
      const before = await history(full.id);
      const { data } = await call(UPDATE, { id: full.id, i: { acronym: 'PGN-GT', name: 'Procuraduría de la Niñez' } }, gtOfficer);
      expect(data.updateAuthority).toEqual(full);
      expect(await history(full.id)).toEqual(before);
    });
  });

  describe('one contact point per country', () => {
    const contactPointsOf = async (code: string) => {
      const { data } = await call(
        'query($c: ID!) { country(code: $c) { contactPoint { id } authorities(first: 100) { id isContactPoint } } }',
        { c: code },
        null,
      );
      const country = data.country as { contactPoint: { id: string } | null; authorities: { id: string; isContactPoint: boolean }[] };
      return {
        contactPoint: country.contactPoint?.id ?? null,
        flagged: country.authorities.filter((a) => a.isContactPoint).map((a) => a.id),
      };
    };

    it('moves the status from A to B when B is designated after A', async () => {
      const a = await create('Autoridad A de contacto', {}, secretariat);
      const b = await create('Autoridad B de contacto');
      const first = await call(DESIGNATE, { c: 'gt', a: a.id }, gtOfficer);
      expect(first.data.designateContactPoint).toEqual({ code: 'GT', contactPoint: { id: a.id, name: a.name } });
      const second = await call(DESIGNATE, { c: 'GT', a: b.id }, gtOfficer);
      expect(second.data.designateContactPoint.contactPoint.id).toBe(b.id);
      expect(await contactPointsOf('GT')).toEqual({ contactPoint: b.id, flagged: [b.id] });
      expect((await read(a.id)).isContactPoint).toBe(false);
      const [lost] = await history(a.id);
      expect(lost).toMatchObject({
        kind: 'UNDESIGNATED',
        userId: gtOfficer.id,
        fields: [{ field: 'isContactPoint', oldValue: 'true', newValue: 'false' }],
      });
      const [won] = await history(b.id);
      expect(won).toMatchObject({
        kind: 'DESIGNATED',
        userId: gtOfficer.id,
        fields: [{ field: 'isContactPoint', oldValue: 'false', newValue: 'true' }],
      });
      // The loss and the designation are one change: one transaction, one time.
      expect(lost.at).toBe(won.at);
    });

    it('leaves exactly one contact point when designations race', async () => {
      const racers = await Promise.all(['Uno', 'Dos', 'Tres', 'Cuatro'].map((n) => create(`Autoridad en carrera ${n}`)));
      const answers = await Promise.all(racers.map((r) => call(DESIGNATE, { c: 'GT', a: r.id }, gtOfficer)));
      answers.forEach((answer) => expect(answer.errors).toBeUndefined());
      const { contactPoint, flagged } = await contactPointsOf('GT');
      expect(flagged).toEqual([contactPoint]);
      expect(racers.map((r) => r.id)).toContain(contactPoint);
    });

    it("refuses another country's authority as contact point with BAD_USER_INPUT, leaving the current one", async () => {
      const before = await contactPointsOf('GT');
      const mx = await create('Fiscalía de México', { country: 'MX' }, mxOfficer);
      await refused(DESIGNATE, { c: 'GT', a: mx.id }, gtOfficer, 'BAD_USER_INPUT', 'authorityId');
      await refused(DESIGNATE, { c: 'XX', a: mx.id }, secretariat, 'BAD_USER_INPUT', 'country');
      expect(await contactPointsOf('GT')).toEqual(before);
    });
  });

  describe('an archived authority', () => {
    let archived: Authority;
    beforeAll(async () => {
      archived = await create('Oficina Zafiro de Atención');
      expect((await call(SEARCH, { s: 'zafiro' }, null)).data.authorities.totalCount).toBe(1);
      expect((await call(DESIGNATE, { c: 'GT', a: archived.id }, gtOfficer)).errors).toBeUndefined();
      const body = await call(ARCHIVE, { id: archived.id }, gtOfficer);
      expect(body.errors).toBeUndefined();
      archived = body.data.archiveAuthority as Authority;
    });

    it('loses its contact point status when archived, and the country has none', async () => {
      expect(archived).toMatchObject({ archived: true, isContactPoint: false });
      const { data } = await call('{ country(code: "GT") { contactPoint { id } } }', {}, null);
      expect(data.country.contactPoint).toBeNull();
      const [entry] = await history(archived.id);
      expect(entry.kind).toBe('ARCHIVED');
      expect(entry.fields).toEqual([
        { field: 'isContactPoint', oldValue: 'true', newValue: 'false' },
        { field: 'archived', oldValue: 'false', newValue: 'true' },
      ]);
    });

    it('leaves authorities, Country.authorities and search', async () => {
      const { data } = await call(
        `{ all: authorities(filter: { country: "GT" }, first: 100) { nodes { id } }
           found: authorities(filter: { search: "zafiro" }) { totalCount }
           country(code: "GT") { authorities(first: 100) { id } } }`,
        {},
        null,
      );
      expect(data.all.nodes.map((a: { id: string }) => a.id)).not.toContain(archived.id);
      expect(data.found.totalCount).toBe(0);
      expect(data.country.authorities.map((a: { id: string }) => a.id)).not.toContain(archived.id);
    });

    it('stays resolvable by id, for everyone, with archived: true', async () => {
      expect(await read(archived.id)).toEqual(archived);
      // How agreements and practices reach it: an entity reference straight to the authorities subgraph.
      const response = await fetch(graph.subgraphs.authorities.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on NationalAuthority { id name archived } } }',
          variables: { r: [{ __typename: 'NationalAuthority', id: archived.id }] },
        }),
      });
      const { data } = (await response.json()) as { data: { _entities: unknown[] } };
      expect(data._entities).toEqual([{ id: archived.id, name: archived.name, archived: true }]);
    });

    it('cannot be the contact point nor be changed', async () => {
      await refused(DESIGNATE, { c: 'GT', a: archived.id }, gtOfficer, 'BAD_USER_INPUT', 'authorityId');
      await refused(UPDATE, { id: archived.id, i: { acronym: 'OZA' } }, gtOfficer, 'BAD_USER_INPUT', 'id');
    });
  });

  it('finds an authority by its new name once renamed, and no longer by the old one', async () => {
    const authority = await create('Unidad Turquesa de Prevención');
    const count = async (s: string) => (await call(SEARCH, { s }, null)).data.authorities.totalCount as number;
    expect(await count('turquesa')).toBe(1);
    await call(UPDATE, { id: authority.id, i: { name: 'Unidad Esmeralda de Prevención', acronym: 'UEP' } }, gtOfficer);
    expect(await count('turquesa')).toBe(0);
    expect(await count('esmeralda')).toBe(1);
  });

  describe('the history', () => {
    it('records who created and changed an authority, when, and each field with its old and new values, newest first', async () => {
      const authority = await create('Ministerio de Trabajo', { phone: '+502 2422 2500' });
      await call(UPDATE, { id: authority.id, i: { name: 'Ministerio de Trabajo y Previsión Social', phone: null } }, secretariat);
      const [updated, created] = await history(authority.id);
      expect(created).toMatchObject({ kind: 'CREATED', authorityId: authority.id, countryCode: 'GT', userId: gtOfficer.id });
      expect(created.fields).toContainEqual({ field: 'name', oldValue: null, newValue: 'Ministerio de Trabajo' });
      expect(created.fields).toContainEqual({ field: 'competences', oldValue: null, newValue: 'COORDINATION' });
      expect(created.fields).toContainEqual({ field: 'phone', oldValue: null, newValue: '+50224222500' });
      expect(updated).toMatchObject({
        kind: 'UPDATED',
        userId: secretariat.id,
        fields: [
          { field: 'name', oldValue: 'Ministerio de Trabajo', newValue: 'Ministerio de Trabajo y Previsión Social' },
          { field: 'phone', oldValue: '+50224222500', newValue: null },
        ],
      });
      expect(Date.parse(updated.at)).toBeGreaterThanOrEqual(Date.parse(created.at));
    });

    it('pages through the whole directory history, newest first, each change once', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let total: number;
      do {
        const body = await call(HISTORY, { first: 7, after }, secretariat);
        const page = body.data.authorityHistory as {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: Change[];
        };
        total = page.totalCount;
        seen.push(...page.nodes.map((n) => n.at));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(total);
      expect([...seen].sort().reverse()).toEqual(seen);
    });

    it("narrows to one country's changes", async () => {
      const { data } = await call('{ authorityHistory(country: "hn", first: 100) { nodes { countryCode kind } } }', {}, secretariat);
      expect(data.authorityHistory.nodes).toEqual([
        { countryCode: 'HN', kind: 'UPDATED' },
        { countryCode: 'HN', kind: 'CREATED' },
      ]);
    });

    it('is readable by the Secretariat only', async () => {
      expect((await call(HISTORY, {}, gtOfficer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await call(HISTORY, {}, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('prices the fields of a change at the number of fields it follows', () => {
      expect(LIST_CAPS['AuthorityChange.fields']).toBe(TRACKED.length);
    });
  });
});
