import * as fs from 'fs';
import { collapse, extractWorkPlan } from '../../scripts/extract-workplan';
import { GUIDELINE_COUNT } from '../../services/kit/guidelines';
import { dataFile, loadWorkPlan, SOURCE_TEXT_FILE } from '../../services/workplan/data/workplan-data';

const source = fs.readFileSync(dataFile(SOURCE_TEXT_FILE), 'utf8');
const plan = extractWorkPlan(source);

describe('extractWorkPlan', () => {
  it('extracts 67 guidelines numbered 1-67 in their sections', () => {
    expect(plan.guidelines.map((g) => g.number)).toEqual(Array.from({ length: 67 }, (_, i) => i + 1));
    const sectionOf = (n: number) => (n <= 17 ? 'GENERAL' : n <= 34 ? 'PREVENTION' : n <= 44 ? 'PROSECUTION' : 'PROTECTION');
    for (const g of plan.guidelines) expect([g.number, g.section]).toEqual([g.number, sectionOf(g.number)]);
  });

  it('holds as many guidelines as GUIDELINE_COUNT, which the other subgraphs check guideline numbers against', () => {
    expect(loadWorkPlan().guidelines.map((g) => g.number)).toEqual(Array.from({ length: GUIDELINE_COUNT }, (_, i) => i + 1));
  });

  it('extracts the 17 mandates to the General Secretariat, the last one about the informatics platform', () => {
    expect(plan.mandates.map((m) => m.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(plan.mandates[16].text).toContain('plataforma informática');
    expect(plan.mandates[16].text).toContain('4) Promover la coordinación');
  });

  it('extracts the principles and objectives in order', () => {
    expect(plan.principles.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.principles[0].text).toBe('Respeto a la dignidad de la persona humana;');
    expect(plan.objectives.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(plan.objectives[6].text).toMatch(/^Sensibilizar y movilizar la sociedad/);
  });

  it('splits guideline 51 into its two lettered indicators', () => {
    expect(plan.indicators.filter((i) => i.guideline === 51)).toEqual([
      { id: '51-a', guideline: 51, text: 'Mapeo de refugios existentes realizado.' },
      { id: '51-b', guideline: 51, text: 'Refugios creados o adoptados para recibir víctimas de la trata de personas.' },
    ]);
  });

  it('gives every guideline 18-67 at least one indicator and guidelines 1-17 none', () => {
    const withIndicators = new Set(plan.indicators.map((i) => i.guideline));
    for (let n = 1; n <= 67; n++) expect([n, withIndicators.has(n)]).toEqual([n, n >= 18]);
  });

  it('keeps every text verbatim from the source (up to whitespace)', () => {
    const collapsed = collapse(source);
    const texts = [...plan.guidelines, ...plan.indicators, ...plan.mandates, ...plan.principles, ...plan.objectives];
    for (const { text } of texts) {
      expect(text).not.toBe('');
      expect(collapsed.includes(text) ? text : `not in source: ${text}`).toBe(text);
    }
  });

  it('matches the committed workplan.json, so a stale file fails', () => {
    expect(loadWorkPlan()).toEqual(plan);
  });

  it('throws on a truncated source instead of writing a partial file', () => {
    expect(() => extractWorkPlan(source.slice(0, source.indexOf('VI. MANDATOS')))).toThrow(/not found/);
    expect(() => extractWorkPlan(source.slice(0, source.indexOf('34.  (51)')))).toThrow(/indicator rows/);
  });

  it('throws when a guideline is missing from the body', () => {
    expect(() => extractWorkPlan(source.replace(/^60\. Considerar.*$/m, ''))).toThrow(
      /section V \(PROTECTION\) should hold guidelines 45-67/,
    );
  });
});
