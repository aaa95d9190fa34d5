import { statementCount } from '../../services/kit/statements';
import { workplanSubgraph } from '../../services/workplan/subgraph';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';

type GuidelineRow = { number: number; section: string };

describe('workplan subgraph', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(workplanSubgraph);
  });
  afterAll(() => subgraph.close());

  describe('guidelines', () => {
    it('lists the 67 guidelines in order, each in its section', async () => {
      const { data, errors } = await subgraph.execute('{ guidelines { number section text } }');
      expect(errors).toBeUndefined();
      const guidelines = data!.guidelines as (GuidelineRow & { text: string })[];
      expect(guidelines.map((g) => g.number)).toEqual(Array.from({ length: 67 }, (_, i) => i + 1));
      expect(guidelines[0].section).toBe('GENERAL');
      expect(guidelines[17].section).toBe('PREVENTION');
      expect(guidelines[34].section).toBe('PROSECUTION');
      for (const g of guidelines) expect(g.text.length).toBeGreaterThan(20);
    });

    it('filters by section: PROTECTION gives guidelines 45 to 67', async () => {
      const { data } = await subgraph.execute('{ guidelines(section: PROTECTION) { number section } }');
      const guidelines = data!.guidelines as GuidelineRow[];
      expect(guidelines.map((g) => g.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 45));
      expect(new Set(guidelines.map((g) => g.section))).toEqual(new Set(['PROTECTION']));
    });

    it('refuses an unknown section with a validation error', async () => {
      const { errors } = await subgraph.execute('{ guidelines(section: HEALTH) { number } }');
      expect(errors![0].message).toMatch(/GuidelineSection/);
    });

    it('gives guideline 51 with its two indicators of Annex I, in order', async () => {
      const { data } = await subgraph.execute('{ guideline(number: 51) { number section indicators { id text guideline { number } } } }');
      expect(data!.guideline).toEqual({
        number: 51,
        section: 'PROTECTION',
        indicators: [
          { id: '51-a', text: 'Mapeo de refugios existentes realizado.', guideline: { number: 51 } },
          {
            id: '51-b',
            text: 'Refugios creados o adoptados para recibir víctimas de la trata de personas.',
            guideline: { number: 51 },
          },
        ],
      });
    });

    it('gives no indicators for the general guidelines 1-17', async () => {
      const { data } = await subgraph.execute('{ guidelines(section: GENERAL) { number indicators { id } } }');
      const guidelines = data!.guidelines as { number: number; indicators: unknown[] }[];
      expect(guidelines).toHaveLength(17);
      for (const g of guidelines) expect(g.indicators).toEqual([]);
    });

    it('answers null for a guideline number outside 1-67', async () => {
      const { data, errors } = await subgraph.execute('{ a: guideline(number: 99) { number } b: guideline(number: 0) { number } }');
      expect(errors).toBeUndefined();
      expect(data).toEqual({ a: null, b: null });
    });
  });

  describe('mandates, principles and objectives', () => {
    it('lists the 17 mandates, the last one asking for the informatics platform', async () => {
      const { data } = await subgraph.execute('{ mandates { number text } }');
      const mandates = data!.mandates as { number: number; text: string }[];
      expect(mandates.map((m) => m.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
      expect(mandates[16].text).toContain('plataforma');
    });

    it('lists the 8 principles and the 7 objectives in order', async () => {
      const { data } = await subgraph.execute('{ principles { number text } objectives { number text } }');
      const { principles, objectives } = data as Record<string, { number: number; text: string }[]>;
      expect(principles.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(principles[0].text).toBe('Respeto a la dignidad de la persona humana;');
      expect(objectives.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(objectives[6].text).toMatch(/^Sensibilizar y movilizar la sociedad/);
    });
  });

  describe('federation', () => {
    it('resolves Guideline and Indicator references for the gateway, null for unknown keys', async () => {
      const { data, errors } = await subgraph.execute(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Guideline { number section } ... on Indicator { id guideline { number } } } }`,
        {
          r: [
            { __typename: 'Guideline', number: 51 },
            { __typename: 'Guideline', number: 99 },
            { __typename: 'Indicator', id: '18-a' },
          ],
        },
      );
      expect(errors).toBeUndefined();
      expect(data!._entities).toEqual([{ number: 51, section: 'PROTECTION' }, null, { id: '18-a', guideline: { number: 18 } }]);
    });

    it('resolves many Guideline references with one statement', async () => {
      const before = statementCount(subgraph.db);
      const { errors } = await subgraph.execute('query($r: [_Any!]!) { _entities(representations: $r) { ... on Guideline { number } } }', {
        r: Array.from({ length: 67 }, (_, i) => ({ __typename: 'Guideline', number: i + 1 })),
      });
      expect(errors).toBeUndefined();
      expect(statementCount(subgraph.db) - before).toBe(1);
    });
  });

  it('loads nested lists in batches: as many statements for 67 guidelines as for 23', async () => {
    const count = async (source: string) => {
      const before = statementCount(subgraph.db);
      const { errors } = await subgraph.execute(source);
      expect(errors).toBeUndefined();
      return statementCount(subgraph.db) - before;
    };
    const all = await count('{ guidelines { number indicators { id guideline { number } } } }');
    const some = await count('{ guidelines(section: PROTECTION) { number indicators { id guideline { number } } } }');
    expect(all).toBe(3);
    expect(some).toBe(all);
  });

  it('seeds idempotently: a second start duplicates nothing', async () => {
    const counts = async () => {
      const tables = ['guidelines', 'indicators', 'mandates', 'plan_items'];
      const rows = await Promise.all(tables.map((t) => subgraph.db.query(`SELECT COUNT(*) AS n FROM ${t}`)));
      return rows.map((r) => Number(r[0].n));
    };
    const before = await counts();
    expect(before).toEqual([67, 62, 17, 15]);
    await workplanSubgraph.seed!(subgraph.db, subgraph.config, { info() {} } as never);
    expect(await counts()).toEqual(before);
  });

  it('restores the verbatim text of the plan on the next start', async () => {
    await subgraph.db.query("UPDATE guidelines SET text = 'edited' WHERE number = 1");
    await workplanSubgraph.seed!(subgraph.db, subgraph.config, { info() {} } as never);
    const { data } = await subgraph.execute('{ guideline(number: 1) { text } }');
    expect((data!.guideline as { text: string }).text).not.toBe('edited');
    expect((data!.guideline as { text: string }).text.length).toBeGreaterThan(20);
  });

  it('seeds the plan even when demo data is switched off', async () => {
    const bare = await openSubgraph(workplanSubgraph, { SEED_DEMO: 'false' });
    try {
      const { data } = await bare.execute('{ guidelines { number } mandates { number } }');
      expect((data!.guidelines as unknown[]).length).toBe(67);
      expect((data!.mandates as unknown[]).length).toBe(17);
    } finally {
      await bare.close();
    }
  });
});
