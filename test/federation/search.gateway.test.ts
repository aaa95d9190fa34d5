import { newId } from '../../services/kit/ids';
import { NationalAuthority } from '../../services/authorities/entities/national-authority.entity';
import { Pillar, Practice, PracticeStatus } from '../../services/practices/entities/practice.entity';
import { startGraph, TestGraph } from '../helpers/graph';
import { insertOrganization } from '../organizations/fixtures';

const HOSTILE = ['"', '*', '-', 'AND', "'; DROP TABLE x; --", 'a', '...', 'title:x OR'];

/** Full-text search of organizations, practices and authorities, as a client sees it through the gateway. */
describe('full-text search of organizations, practices and authorities through the gateway', () => {
  let graph: TestGraph;

  const titles = async (field: 'organizations' | 'practices' | 'authorities', search: string, first = 100, after?: string) => {
    const label = field === 'practices' ? 'title' : 'name';
    const source = `query($s: String, $first: Int, $after: String) { ${field}(filter: { search: $s }, first: $first, after: $after) {
      totalCount nodes { id ${label} } pageInfo { hasNextPage endCursor } } }`;
    const { body } = await graph.query(source, { s: search, first, after });
    expect(body.errors).toBeUndefined();
    const page = body.data[field];
    return { ...page, labels: page.nodes.map((n: Record<string, string>) => n[label]) as string[] };
  };

  beforeAll(async () => {
    graph = await startGraph({ SEED_DEMO: 'false' });
    const orgs = graph.subgraphs.organizations.db;
    await insertOrganization(orgs, { name: 'Fundación Capacitación y Futuro', description: 'Formación de sobrevivientes.' });
    await insertOrganization(orgs, { name: 'Red Comunitaria', description: 'Talleres de capacitación contra la TRATA.' });
    const practice = (title: string, summary: string, body: string | null = null) =>
      Object.assign(new Practice(), {
        id: newId(),
        title,
        summary,
        body,
        pillar: Pillar.PREVENTION,
        status: PracticeStatus.PUBLISHED,
        year: 2020,
        language: 'spa',
        sourceUrl: null,
        createdAt: new Date(),
        submittedBy: null,
        isDemo: false,
      });
    await graph.subgraphs.practices.db
      .getRepository(Practice)
      .save([
        practice('Protocolo de atención a víctimas', 'Coordinación interinstitucional.'),
        practice('Campaña escolar', 'Prevención en escuelas.', 'Incluye un protocolo de derivación.'),
      ]);
    const authority = (name: string, acronym: string | null) =>
      Object.assign(new NationalAuthority(), {
        id: newId(),
        name,
        acronym,
        countryCode: 'GT',
        competences: [],
        website: null,
        email: null,
        phone: null,
        isContactPoint: false,
        isDemo: false,
      });
    await graph.subgraphs.authorities.db
      .getRepository(NationalAuthority)
      .save([
        authority('Secretaría contra la Violencia Sexual, Explotación y Trata de Personas', 'SVET'),
        authority('Ministerio Público', 'MP'),
      ]);
  });
  afterAll(() => graph?.stop());

  it('finds organizations without accents or case, by prefix, name hits first', async () => {
    expect((await titles('organizations', 'CAPACITACION')).labels).toEqual(['Fundación Capacitación y Futuro', 'Red Comunitaria']);
    expect((await titles('organizations', 'trata capacit')).labels).toEqual(['Red Comunitaria']);
  });

  it('finds practices in the title before those with the word in the body', async () => {
    expect((await titles('practices', 'protoc')).labels).toEqual(['Protocolo de atención a víctimas', 'Campaña escolar']);
    expect((await titles('practices', 'victimas atencion')).labels).toEqual(['Protocolo de atención a víctimas']);
  });

  it('finds authorities by words of the name or by acronym', async () => {
    expect((await titles('authorities', 'explotacion trata')).labels).toEqual([
      'Secretaría contra la Violencia Sexual, Explotación y Trata de Personas',
    ]);
    expect((await titles('authorities', 'svet')).labels).toHaveLength(1);
    expect((await titles('authorities', 'publico')).labels).toEqual(['Ministerio Público']);
  });

  it('pages search results without repeat or skip', async () => {
    const first = await titles('practices', 'protocolo', 1);
    const second = await titles('practices', 'protocolo', 1, first.pageInfo.endCursor);
    expect([...first.labels, ...second.labels]).toEqual(['Protocolo de atención a víctimas', 'Campaña escolar']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it.each(HOSTILE)('answers the hostile search %j on every list without an error', async (term) => {
    for (const field of ['organizations', 'practices', 'authorities'] as const) await titles(field, term);
  });
});
