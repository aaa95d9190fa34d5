import fs from 'node:fs';
import path from 'node:path';
import { CLIENT_DIR, clientFiles } from '../../scripts/codegen';
import {
  CountryFromFiveSubgraphsDocument,
  GuidelineAndPracticesDocument,
  ServicesInKicheDocument,
  type GuidelineSection,
  type ServiceType,
  type ShelterKind,
} from '../../schema/client/graphql';
import { startGraph, TestGraph } from '../helpers/graph';
import { typedQuery } from './typed-query';

describe('the typed client of the example operations (schema/client/)', () => {
  it('is what `npm run codegen` prints from schema/api.graphql and gateway/examples (run it and commit schema/client/)', async () => {
    const files = await clientFiles();
    expect([...files.keys()].sort()).toEqual(fs.readdirSync(CLIENT_DIR).sort());
    for (const [file, content] of files) {
      expect({ file, content: fs.readFileSync(path.join(CLIENT_DIR, file), 'utf8') }).toEqual({ file, content });
    }
  });

  describe('run through the gateway', () => {
    let graph: TestGraph;
    beforeAll(async () => {
      graph = await startGraph();
    });
    afterAll(() => graph.stop());

    it("reads a guideline's section as the GuidelineSection its type says", async () => {
      const { data, errors } = await typedQuery(graph.url, GuidelineAndPracticesDocument);
      expect(errors).toBeUndefined();
      const section: GuidelineSection | undefined = data?.guideline?.section;
      expect(section).toMatch(/^[A-Z_]+$/);
      expect(data?.guideline?.practices?.length).toBeGreaterThan(0);
    });

    it("reads a country's authorities and their agreements' parties, five subgraphs deep", async () => {
      const { data, errors } = await typedQuery(graph.url, CountryFromFiveSubgraphsDocument);
      expect(errors).toBeUndefined();
      const parties: string[] = (data?.country?.authorities ?? []).flatMap((authority) =>
        (authority.agreements ?? []).flatMap((agreement) => agreement.parties.map((party) => party.country?.name ?? '')),
      );
      expect(data?.country?.nameEs).toBe('Guatemala');
      expect(parties).toContain('Guatemala');
    });

    it('reads a page of services with their ServiceType and ShelterKind', async () => {
      const { data, errors } = await typedQuery(graph.url, ServicesInKicheDocument);
      expect(errors).toBeUndefined();
      const page = data?.services;
      const types: ServiceType[] = (page?.nodes ?? []).map((service) => service.type);
      const shelters: ShelterKind[] = (page?.nodes ?? []).flatMap((service) => (service.shelter ? [service.shelter.kind] : []));
      expect(types.length).toBeGreaterThan(0);
      expect(page?.totalCount).toBeGreaterThanOrEqual(types.length);
      expect(shelters.every((kind) => ['EMERGENCY', 'TRANSITIONAL', 'LONG_TERM'].includes(kind))).toBe(true);
    });
  });
});
