import { demoAuthorityId } from '../../services/kit/demo-ids';
import { demoPracticeId } from '../../services/practices/demo';
import { TRACKED } from '../../services/practices/history';
import type { Viewer } from '../../services/platform/auth';
import { LIST_CAPS } from '../../services/platform/limits';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';
import { refusedWithoutWrites, rowCounts } from '../helpers/rows';

const FIELDS = `id title summary body status reviewNote createdAt updatedAt year sourceUrl
  countries { code } guidelines { number } organizations { id } authorities { id }`;
const SUBMIT = `mutation($i: PracticeInput!) { submitPractice(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: PracticeUpdateInput!) { updatePractice(id: $id, input: $i) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectPractice(id: $id, reason: $r) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishPractice(id: $id) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawPractice(id: $id) { ${FIELDS} } }`;
const READ = `query($id: ID!) { practice(id: $id) { ${FIELDS} } }`;
const HISTORY = `query($p: ID, $c: ID, $first: Int, $after: String) { practiceHistory(practiceId: $p, country: $c, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { kind practiceId userId at fields { field oldValue newValue } } } }`;
const REGISTER = 'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id } }';
const VERIFY = 'mutation($id: ID!) { verifyOrganization(id: $id, status: VERIFIED) { id } }';
const NOBODY = '00000000-0000-4000-8000-000000000000';

type Practice = {
  id: string;
  title: string;
  summary: string;
  body: string | null;
  status: string;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
  year: number | null;
  sourceUrl: string | null;
  countries: { code: string }[];
  guidelines: { number: number }[];
  organizations: { id: string }[];
  authorities: { id: string }[];
};
type Change = {
  kind: string;
  practiceId: string;
  userId: string;
  at: string;
  fields: { field: string; oldValue: string | null; newValue: string | null }[];
};

const input = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: 'Promotoras comunitarias alertan sobre ofertas engañosas.',
  pillar: 'PREVENTION',
  countries: ['GT'],
  guidelines: [22],
  ...extra,
});

/** Practices reviewed by the Secretariat, changed and withdrawn by their submitters, as a client sees it through the gateway (issue 17). */
describe('the review of practices through the gateway', () => {
  let graph: TestGraph;
  const secretariat = viewer('SECRETARIAT');
  const member = viewer();
  const stranger = viewer();
  const gtOfficer = viewer('AUTHORITY', 'GT');
  const mxOfficer = viewer('AUTHORITY', 'MX');
  let verifiedGt: string;
  let verifiedMx: string;
  let othersPending: string;

  beforeAll(async () => {
    // The test sends far more changes than the edge lets one address make in a minute.
    graph = await startGraph({ MUTATION_RATE_LIMIT: '100000' });
    const register = async (name: string, country: string, who: Viewer = member) => {
      const body = await call(REGISTER, { i: { name, kind: 'COMMUNITY', country } }, who);
      expect(body.errors).toBeUndefined();
      return body.data.registerOrganization.id as string;
    };
    verifiedGt = await register('Red Comunitaria de Alerta (prueba)', 'GT');
    verifiedMx = await register('Frontera Segura (prueba)', 'MX');
    await register('Colectivo en Revisión (prueba)', 'GT'); // PENDING: never linked
    othersPending = await register('Colectivo Ajeno (prueba)', 'GT', stranger);
    for (const id of [verifiedGt, verifiedMx]) expect((await call(VERIFY, { id }, secretariat)).errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  const call = async (query: string, variables: Record<string, unknown>, who: Viewer | null) =>
    (await graph.query(query, variables, who ? asViewer(who) : {})).body;
  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer): Promise<Practice> => {
    const body = await call(query, variables, who);
    expect(body.errors).toBeUndefined();
    return Object.values(body.data)[0] as Practice;
  };
  const submit = (title: string, who: Viewer = member, extra: Record<string, unknown> = {}) => ok(SUBMIT, { i: input(title, extra) }, who);
  const read = async (id: string, who: Viewer | null): Promise<Practice | null> => (await call(READ, { id }, who)).data.practice;
  const history = async (practiceId: string): Promise<Change[]> => {
    const body = await call(HISTORY, { p: practiceId, first: 100 }, secretariat);
    expect(body.errors).toBeUndefined();
    return body.data.practiceHistory.nodes as Change[];
  };
  /** A mutation refused with `code` (and `field`) that adds or removes no row of any subgraph (helpers/rows.ts). */
  const refused = (query: string, variables: Record<string, unknown>, who: Viewer | null, code: string, field?: string) =>
    refusedWithoutWrites(graph, () => call(query, variables, who), code, field);

  describe("a member's practice and their organization", () => {
    it('links a practice that names no organization to every VERIFIED organization of its submitter, not the pending one', async () => {
      const practice = await submit('Alerta comunitaria enlazada');
      expect(practice.organizations.map((o) => o.id).sort()).toEqual([verifiedGt, verifiedMx].sort());
      expect((await read(practice.id, member))!.organizations.map((o) => o.id).sort()).toEqual([verifiedGt, verifiedMx].sort());
    });

    it('links only the organizations a submission names, when it names some', async () => {
      const practice = await submit('Alerta nombrada', member, { organizationIds: [verifiedMx] });
      expect(practice.organizations).toEqual([{ id: verifiedMx }]);
    });

    it('links no organization to the practice of an AUTHORITY, who submits for their office', async () => {
      expect((await submit('Práctica de la autoridad', gtOfficer)).organizations).toEqual([]);
    });
  });

  describe('rejectPractice', () => {
    let practice: Practice;
    beforeAll(async () => {
      practice = await submit('Práctica por revisar');
    });

    it('refuses an anonymous caller, anyone but the Secretariat, an unknown id and a bad reason, writing nothing', async () => {
      await refused(REJECT, { id: practice.id, r: 'No.' }, null, 'UNAUTHENTICATED');
      for (const who of [member, gtOfficer, stranger]) await refused(REJECT, { id: practice.id, r: 'No.' }, who, 'FORBIDDEN');
      await refused(REJECT, { id: NOBODY, r: 'No.' }, secretariat, 'NOT_FOUND');
      await refused(REJECT, { id: practice.id, r: '   ' }, secretariat, 'BAD_USER_INPUT', 'reason');
      await refused(REJECT, { id: practice.id, r: 'x'.repeat(2001) }, secretariat, 'BAD_USER_INPUT', 'reason');
      expect((await read(practice.id, member))!.status).toBe('SUBMITTED');
    });

    it('rejects a SUBMITTED practice with the reason trimmed, which its submitter and the Secretariat read, and nobody else', async () => {
      const rejected = await ok(REJECT, { id: practice.id, r: '  Falta describir los resultados.  ' }, secretariat);
      expect(rejected).toMatchObject({ status: 'REJECTED', reviewNote: 'Falta describir los resultados.' });
      expect(Date.parse(rejected.updatedAt)).toBeGreaterThan(Date.parse(practice.updatedAt));
      expect(await read(practice.id, member)).toMatchObject({ status: 'REJECTED', reviewNote: 'Falta describir los resultados.' });
      expect(await read(practice.id, secretariat)).toMatchObject({ reviewNote: 'Falta describir los resultados.' });
      for (const who of [null, stranger, gtOfficer]) expect(await read(practice.id, who)).toBeNull();
      const list = await call('{ practices(filter: { status: REJECTED }, first: 100) { nodes { id reviewNote } } }', {}, member);
      expect(list.data.practices.nodes).toEqual([{ id: practice.id, reviewNote: 'Falta describir los resultados.' }]);
    });

    it('lets one of a publication and a rejection sent at once win, and refuses the other with BAD_USER_INPUT', async () => {
      const raced = await submit('Práctica disputada');
      const [published, rejected] = await Promise.all([
        call(PUBLISH, { id: raced.id }, secretariat),
        call(REJECT, { id: raced.id, r: 'A la vez.' }, secretariat),
      ]);
      const answers = [published, rejected];
      expect(answers.filter((body) => body.errors === undefined)).toHaveLength(1);
      expect(answers.find((body) => body.errors)!.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const winner = published.errors ? 'REJECTED' : 'PUBLISHED';
      expect((await read(raced.id, secretariat))!.status).toBe(winner);
      expect((await history(raced.id)).map((change) => change.kind)).toEqual([winner, 'SUBMITTED']);
    });

    it('refuses to reject or publish a practice that is not SUBMITTED with BAD_USER_INPUT', async () => {
      const body = await refused(REJECT, { id: practice.id, r: 'Otra vez.' }, secretariat, 'BAD_USER_INPUT', 'id');
      expect(body.errors![0].message).toMatch(/already REJECTED/);
      await refused(PUBLISH, { id: practice.id }, secretariat, 'BAD_USER_INPUT', 'id');
      await refused(REJECT, { id: demoPracticeId('hotline-gt'), r: 'No.' }, secretariat, 'BAD_USER_INPUT', 'id');
    });

    it('shows the reviewNote of a published practice to the Secretariat only, as the field rule says', async () => {
      const id = demoPracticeId('evidence-unit-co');
      await graph.subgraphs.practices.db.query("UPDATE practices SET review_note = 'Nota antigua' WHERE id = ?", [id]);
      try {
        expect((await read(id, secretariat))!.reviewNote).toBe('Nota antigua');
        for (const who of [null, member, viewer('AUTHORITY', 'CO')]) expect((await read(id, who))!.reviewNote).toBeNull();
      } finally {
        await graph.subgraphs.practices.db.query('UPDATE practices SET review_note = NULL WHERE id = ?', [id]);
      }
    });
  });

  describe('updatePractice', () => {
    it('lets the submitter change a SUBMITTED practice: a field left out stays, null clears one, lists are replaced', async () => {
      const practice = await submit('Práctica a corregir', member, {
        body: 'Texto inicial.',
        year: 2020,
        sourceUrl: 'https://example.org/a',
      });
      const changed = await ok(UPDATE, { id: practice.id, i: { title: 'Práctica corregida', body: null, guidelines: [19, 23] } }, member);
      expect(changed).toMatchObject({
        title: 'Práctica corregida',
        body: null,
        summary: practice.summary,
        year: 2020,
        sourceUrl: 'https://example.org/a',
        status: 'SUBMITTED',
        guidelines: [{ number: 19 }, { number: 23 }],
        countries: [{ code: 'GT' }],
        createdAt: practice.createdAt,
      });
      expect(Date.parse(changed.updatedAt)).toBeGreaterThan(Date.parse(practice.updatedAt));
      expect(await read(practice.id, member)).toEqual(changed);
    });

    it('sends a REJECTED practice back to SUBMITTED when its submitter changes it, keeping the reviewNote until the next review', async () => {
      const practice = await submit('Práctica rechazada y corregida');
      await ok(REJECT, { id: practice.id, r: 'Agregue resultados.' }, secretariat);
      const resubmitted = await ok(UPDATE, { id: practice.id, i: { summary: 'Llegamos a 40 escuelas y 3.000 estudiantes.' } }, member);
      expect(resubmitted).toMatchObject({ status: 'SUBMITTED', reviewNote: 'Agregue resultados.' });
      const published = await ok(PUBLISH, { id: practice.id }, secretariat);
      expect(published).toMatchObject({ status: 'PUBLISHED', reviewNote: null });
    });

    it('lets the Secretariat change a practice in any status, which it keeps', async () => {
      const practice = await submit('Práctica publicada', gtOfficer);
      await ok(PUBLISH, { id: practice.id }, secretariat);
      const changed = await ok(UPDATE, { id: practice.id, i: { year: 2019 } }, secretariat);
      expect(changed).toMatchObject({ status: 'PUBLISHED', year: 2019 });
    });

    it('refuses the submitter of a PUBLISHED practice with FORBIDDEN telling to ask the Secretariat, and anyone else, writing nothing', async () => {
      const practice = await submit('Publicada de la autoridad', gtOfficer);
      await ok(PUBLISH, { id: practice.id }, secretariat);
      const body = await refused(UPDATE, { id: practice.id, i: { title: 'Cambio tardío' } }, gtOfficer, 'FORBIDDEN');
      expect(body.errors![0].message).toMatch(/ask the Secretariat/);
      const underReview = await submit('En revisión de la autoridad', gtOfficer);
      for (const who of [mxOfficer, stranger, member]) {
        await refused(UPDATE, { id: underReview.id, i: { title: 'Intrusión' } }, who, 'FORBIDDEN');
        await refused(WITHDRAW, { id: underReview.id }, who, 'FORBIDDEN');
      }
      // Who may comes first: a stranger learns nothing about links, known or not.
      await refused(UPDATE, { id: underReview.id, i: { organizationIds: [NOBODY] } }, stranger, 'FORBIDDEN');
      await refused(UPDATE, { id: NOBODY, i: { organizationIds: [NOBODY] } }, member, 'NOT_FOUND');
      await refused(UPDATE, { id: underReview.id, i: { title: 'Anónima' } }, null, 'UNAUTHENTICATED');
      await refused(UPDATE, { id: NOBODY, i: { title: 'Nadie' } }, secretariat, 'NOT_FOUND');
      expect((await read(underReview.id, gtOfficer))!.title).toBe('En revisión de la autoridad');
    });

    it('checks every field as a submission is checked, and refuses to clear a required one, naming the field', async () => {
      const practice = await submit('Práctica a validar');
      const cases: [Record<string, unknown>, string][] = [
        [{ title: null }, 'title'],
        [{ summary: null }, 'summary'],
        [{ pillar: null }, 'pillar'],
        [{ countries: null }, 'countries'],
        [{ language: null }, 'language'],
        [{ title: 'x'.repeat(1_000) }, 'title'],
        [{ summary: '   ' }, 'summary'],
        [{ countries: [] }, 'countries'],
        [{ countries: ['GT', 'FR'] }, 'countries'],
        [{ guidelines: [99] }, 'guidelines'],
        [{ year: 1800 }, 'year'],
        [{ language: 'xx' }, 'language'],
        [{ sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
        [{ organizationIds: ['not-a-uuid'] }, 'organizationIds'],
        [{ organizationIds: [NOBODY] }, 'organizationIds'],
        [{ organizationIds: [othersPending] }, 'organizationIds'],
        [{ authorityIds: [NOBODY] }, 'authorityIds'],
      ];
      for (const [i, field] of cases) await refused(UPDATE, { id: practice.id, i }, member, 'BAD_USER_INPUT', field);
      expect(await read(practice.id, member)).toEqual(practice);
    });

    it('checks only the links a change adds: one linked before stays though the caller does not see it', async () => {
      const practice = await submit('Práctica con enlaces', gtOfficer);
      const authority = demoAuthorityId('GT', 'coordination');
      // The Secretariat links an organization still PENDING, which its members and the Secretariat alone see.
      await ok(UPDATE, { id: practice.id, i: { organizationIds: [othersPending] } }, secretariat);
      const changed = await ok(
        UPDATE,
        { id: practice.id, i: { organizationIds: [othersPending, verifiedGt], authorityIds: [authority] } },
        gtOfficer,
      );
      expect(changed.authorities).toEqual([{ id: authority }]);
      expect(changed.organizations).toEqual([{ id: verifiedGt }]);
      expect((await read(practice.id, secretariat))!.organizations.map((o) => o.id).sort()).toEqual([othersPending, verifiedGt].sort());
    });

    it('records nothing for a change that changes nothing', async () => {
      const practice = await submit('Práctica sin cambios');
      const before = await rowCounts(graph);
      const same = await ok(UPDATE, { id: practice.id, i: { title: practice.title, countries: ['gt'], guidelines: [22, 22] } }, member);
      expect(same).toEqual(practice);
      expect(await rowCounts(graph)).toEqual(before);
    });
  });

  describe('withdrawPractice', () => {
    const LISTS = `query($id: ID!, $a: ID!, $o: ID!) {
      practices(first: 100) { nodes { id } }
      country(code: "GT") { practices(first: 100) { id } }
      guideline(number: 22) { practices(first: 100) { id } }
      authority(id: $a) { practices(first: 100) { id } }
      organization(id: $o) { practices(first: 100) { id } }
      practice(id: $id) { id } }`;
    const authority = demoAuthorityId('GT', 'coordination');
    /** Where the viewer finds the practice: each list, and the lookup by id. */
    const foundIn = async (id: string, who: Viewer | null): Promise<string[]> => {
      const { data, errors } = await call(LISTS, { id, a: authority, o: verifiedGt }, who);
      expect(errors).toBeUndefined();
      const lists: Record<string, { id: string }[]> = {
        practices: data.practices.nodes,
        country: data.country.practices,
        guideline: data.guideline.practices,
        authority: data.authority.practices,
        organization: data.organization.practices,
        practice: data.practice ? [data.practice] : [],
      };
      return Object.keys(lists).filter((name) => lists[name].some((p) => p.id === id));
    };
    const EVERYWHERE = ['practices', 'country', 'guideline', 'authority', 'organization', 'practice'];

    it('takes a practice its submitter withdraws out of every list and lookup, theirs included; the Secretariat still reads it', async () => {
      const practice = await submit('Práctica retirada', member, { authorityIds: [authority], organizationIds: [verifiedGt] });
      expect(await foundIn(practice.id, member)).toEqual(EVERYWHERE);
      const withdrawn = await ok(WITHDRAW, { id: practice.id }, member);
      expect(withdrawn.status).toBe('WITHDRAWN');
      for (const who of [member, null, stranger, gtOfficer]) expect(await foundIn(practice.id, who)).toEqual([]);
      expect(await foundIn(practice.id, secretariat)).toEqual(EVERYWHERE);
      const search = await call('{ practices(filter: { search: "retirada" }) { nodes { id } } }', {}, member);
      expect(search.data.practices.nodes).toEqual([]);
    });

    it('lets the Secretariat withdraw a PUBLISHED practice from the public library', async () => {
      const practice = await submit('Práctica publicada y retirada', gtOfficer, { authorityIds: [authority] });
      await ok(PUBLISH, { id: practice.id }, secretariat);
      expect(await foundIn(practice.id, null)).toEqual(['practices', 'country', 'guideline', 'authority', 'practice']);
      expect((await ok(WITHDRAW, { id: practice.id }, secretariat)).status).toBe('WITHDRAWN');
      expect(await foundIn(practice.id, null)).toEqual([]);
    });

    it('makes WITHDRAWN final: no update, publication, rejection or second withdrawal', async () => {
      const practice = await submit('Práctica retirada para siempre');
      await ok(WITHDRAW, { id: practice.id }, member);
      for (const who of [member, secretariat]) {
        const body = await refused(UPDATE, { id: practice.id, i: { title: 'Resucitada' } }, who, 'BAD_USER_INPUT', 'id');
        expect(body.errors![0].message).toMatch(/WITHDRAWN/);
        await refused(WITHDRAW, { id: practice.id }, who, 'BAD_USER_INPUT', 'id');
      }
      await refused(PUBLISH, { id: practice.id }, secretariat, 'BAD_USER_INPUT', 'id');
      await refused(REJECT, { id: practice.id, r: 'No.' }, secretariat, 'BAD_USER_INPUT', 'id');
      await refused(WITHDRAW, { id: practice.id }, stranger, 'FORBIDDEN');
    });
  });

  describe('practiceHistory', () => {
    let practice: Practice;
    beforeAll(async () => {
      practice = await submit('Práctica con historia', member, { countries: ['SV'] });
      await ok(REJECT, { id: practice.id, r: 'Faltan resultados.' }, secretariat);
      await ok(UPDATE, { id: practice.id, i: { summary: 'Con resultados.' } }, member);
      await ok(PUBLISH, { id: practice.id }, secretariat);
      await ok(WITHDRAW, { id: practice.id }, member);
    });

    it('records every write of a practice, newest first: who, what kind, and each field before and after', async () => {
      const changes = await history(practice.id);
      expect(changes.map((c) => [c.kind, c.userId])).toEqual([
        ['WITHDRAWN', member.id],
        ['PUBLISHED', secretariat.id],
        ['UPDATED', member.id],
        ['REJECTED', secretariat.id],
        ['SUBMITTED', member.id],
      ]);
      const [withdrawn, published, updated, rejected, submitted] = changes.map((c) => c.fields);
      expect(withdrawn).toEqual([{ field: 'status', oldValue: 'PUBLISHED', newValue: 'WITHDRAWN' }]);
      expect(published).toEqual([
        { field: 'status', oldValue: 'SUBMITTED', newValue: 'PUBLISHED' },
        { field: 'reviewNote', oldValue: 'Faltan resultados.', newValue: null },
      ]);
      expect(updated).toEqual([
        { field: 'summary', oldValue: practice.summary, newValue: 'Con resultados.' },
        { field: 'status', oldValue: 'REJECTED', newValue: 'SUBMITTED' },
      ]);
      expect(rejected).toEqual([
        { field: 'status', oldValue: 'SUBMITTED', newValue: 'REJECTED' },
        { field: 'reviewNote', oldValue: null, newValue: 'Faltan resultados.' },
      ]);
      expect(submitted).toContainEqual({ field: 'title', oldValue: null, newValue: 'Práctica con historia' });
      expect(submitted).toContainEqual({ field: 'organizations', oldValue: null, newValue: [verifiedGt, verifiedMx].sort().join(',') });
      expect(Date.parse(changes[0].at)).toBeGreaterThanOrEqual(Date.parse(changes[4].at));
    });

    it("narrows to one country's practices, and pages through the whole history newest first", async () => {
      const { data } = await call('query { practiceHistory(country: "sv", first: 100) { nodes { practiceId } } }', {}, secretariat);
      expect(new Set(data.practiceHistory.nodes.map((n: Change) => n.practiceId))).toEqual(new Set([practice.id]));
      const seen: string[] = [];
      let after: string | null = null;
      let total: number;
      do {
        const body = await call(HISTORY, { first: 7, after }, secretariat);
        const page = body.data.practiceHistory;
        total = page.totalCount;
        seen.push(...page.nodes.map((n: Change) => n.at));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(total);
      expect([...seen].sort().reverse()).toEqual(seen);
    });

    it('is readable by the Secretariat only, and refuses a malformed practice id', async () => {
      expect((await call(HISTORY, {}, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await call(HISTORY, {}, gtOfficer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await call(HISTORY, {}, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await call(HISTORY, { p: 'nope' }, secretariat)).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'practiceId',
      });
    });

    it('prices the fields of a change at the number of fields it follows', () => {
      expect(LIST_CAPS['PracticeChange.fields']).toBe(TRACKED.length);
    });
  });

  describe('the demo library', () => {
    it('holds a REJECTED practice with its reviewNote, which the Secretariat reads and the public does not', async () => {
      const id = demoPracticeId('school-talks-hn');
      expect(await read(id, secretariat)).toMatchObject({ status: 'REJECTED', reviewNote: expect.stringMatching(/resultados/) });
      expect(await read(id, null)).toBeNull();
    });
  });
});
