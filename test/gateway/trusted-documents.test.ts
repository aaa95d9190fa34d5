import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { admitHttp, loadTrustedDocuments } from '../../gateway/trusted-documents';
import { loadConfig } from '../../services/platform/config';
import { projectPath } from '../../services/platform/paths';
import { CountryFromFiveSubgraphsDocument, GuidelineAndPracticesDocument } from '../../schema/client/graphql';
import { startGraph, type TestGraph } from '../helpers/graph';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const MANIFEST = projectPath('schema', 'client', 'persisted-documents.json');
const REGISTERED = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const COUNTRY_ID = (CountryFromFiveSubgraphsDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
const GUIDELINE_ID = (GuidelineAndPracticesDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
const FREE_FORM = '{ country(code: "GT") { nameEs } }';
const EVENTS = 'subscription { agreementEvents(filter: { kinds: [CREATED] }) { kind agreement { title } } }';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function get(url: string, params: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${url}?${new URLSearchParams(params).toString()}`, { headers: { accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions.code;

/** Subscribes over graphql-ws and gives the first message: a result, or the errors that refused it. */
function firstOverSocket(url: string, payload: { query: string; extensions?: Record<string, unknown> }): Promise<unknown> {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
  return new Promise<unknown>((resolve) => {
    const dispose = client.subscribe(payload, {
      next: (value) => {
        dispose();
        resolve(value);
      },
      error: (error) => resolve({ errors: error }),
      complete: () => undefined,
    });
  }).finally(() => void client.dispose());
}

describe('trusted documents: the manifest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-trusted-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it("reads graphql-codegen's persisted-documents.json and Apollo's persisted query manifest alike", () => {
    const apollo = write('apollo.json', {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(EVENTS), name: 'Events', type: 'subscription', body: EVENTS }],
    });
    const { documents } = loadTrustedDocuments([MANIFEST, apollo]);
    expect(documents.get(sha256(EVENTS))).toBe(EVENTS);
    expect(documents.get(COUNTRY_ID)).toBe(REGISTERED[COUNTRY_ID]);
    expect(documents.size).toBe(Object.keys(REGISTERED).length + 1);
  });

  it('refuses a manifest whose id is not the SHA-256 of its document, naming the file and what to change', () => {
    const sha1 = createHash('sha1').update(FREE_FORM).digest('hex');
    const file = write('sha1.json', { [sha1]: FREE_FORM });
    expect(() => loadTrustedDocuments([file])).toThrow(new RegExp(`${file}.*${sha1}.*hashAlgorithm`));
  });

  it('refuses a missing manifest and an unknown mode before anything starts', () => {
    expect(() => loadTrustedDocuments([path.join(dir, 'nowhere.json')])).toThrow(
      /TRUSTED_DOCUMENTS_MANIFESTS: cannot read .*nowhere\.json/,
    );
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'strict' })).toThrow(
      'TRUSTED_DOCUMENTS must be one of off, allow, required, got "strict"',
    );
  });

  it('registers the README example operations (npm run codegen keeps the manifest beside the typed documents)', () => {
    expect(REGISTERED[COUNTRY_ID]).toMatch(/^query CountryFromFiveSubgraphs /);
    expect(REGISTERED[GUIDELINE_ID]).toMatch(/^query GuidelineAndPractices /);
  });
});

describe('trusted documents: what an HTTP request becomes', () => {
  const manifest = loadTrustedDocuments([MANIFEST]);
  const persistedQuery = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

  it('gives a request back untouched, the very body and query string, when trusted documents are off and it names no id', () => {
    const body = { query: FREE_FORM, variables: { a: 1 } };
    const search = new URLSearchParams({ query: FREE_FORM });
    expect((admitHttp('off', undefined, 'POST', body, search) as { body: unknown }).body).toBe(body);
    expect((admitHttp('off', undefined, 'GET', undefined, search) as { search: URLSearchParams }).search).toBe(search);
  });

  it('replaces a registered id by its text, keeping the rest of a POST body or GET query string as sent', () => {
    const body = { documentId: COUNTRY_ID, variables: { a: 1 }, operationName: 'CountryFromFiveSubgraphs', extensions: { x: 1 } };
    expect(admitHttp('required', manifest, 'POST', body, new URLSearchParams())).toEqual({
      body: { query: REGISTERED[COUNTRY_ID], variables: { a: 1 }, operationName: 'CountryFromFiveSubgraphs', extensions: { x: 1 } },
      search: new URLSearchParams(),
    });
    const search = new URLSearchParams({ variables: 'not JSON', extensions: JSON.stringify({ ...persistedQuery(COUNTRY_ID), x: 1 }) });
    const admitted = admitHttp('allow', manifest, 'GET', undefined, search) as { search: URLSearchParams };
    expect(Object.fromEntries(admitted.search)).toEqual({ variables: 'not JSON', extensions: '{"x":1}', query: REGISTERED[COUNTRY_ID] });
  });

  it("takes a GET's extensions that are not JSON for none: refused under required, passed on as sent under allow", () => {
    const search = new URLSearchParams({ query: FREE_FORM, extensions: `{"persistedQuery":{"sha256Hash":"${COUNTRY_ID}"` });
    expect(admitHttp('required', manifest, 'GET', undefined, search)).toEqual({
      refusal: expect.objectContaining({ status: 400, code: 'PERSISTED_QUERY_ID_REQUIRED' }),
    });
    expect((admitHttp('allow', manifest, 'GET', undefined, search) as { search: URLSearchParams }).search).toBe(search);
  });

  it('refuses a POST body that is not one JSON object under required only', () => {
    expect(admitHttp('required', manifest, 'POST', [{ documentId: COUNTRY_ID }], new URLSearchParams())).toEqual({
      refusal: expect.objectContaining({ code: 'BAD_REQUEST' }),
    });
    expect(admitHttp('allow', manifest, 'POST', 'text', new URLSearchParams())).toEqual({ body: 'text', search: new URLSearchParams() });
  });
});

describe('TRUSTED_DOCUMENTS=required', () => {
  let graph: TestGraph;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-trusted-'));
  const subscriptions = path.join(dir, 'subscriptions.json');
  fs.writeFileSync(subscriptions, JSON.stringify({ [sha256(EVENTS)]: EVENTS }));
  beforeAll(async () => {
    graph = await startGraph({ TRUSTED_DOCUMENTS: 'required', TRUSTED_DOCUMENTS_MANIFESTS: `${MANIFEST},${subscriptions}` });
  });
  afterAll(async () => {
    await graph.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a registered operation by documentId, by POST and by GET', async () => {
    const byPost = await post(graph.url, { documentId: COUNTRY_ID });
    expect(byPost.status).toBe(200);
    expect(byPost.body.errors).toBeUndefined();
    expect(byPost.body.data).toMatchObject({ country: { nameEs: 'Guatemala' } });
    const byGet = await get(graph.url, { documentId: COUNTRY_ID });
    expect(byGet.body).toEqual(byPost.body);
  });

  it("runs one by Apollo's persistedQuery extension, as Apollo Client's persisted-queries link sends it", async () => {
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new PersistedQueryLink({
        generateHash: (document) => (document as unknown as { __meta__: { hash: string } }).__meta__.hash,
      }).concat(new HttpLink({ uri: graph.url, useGETForQueries: true })),
    });
    const { data } = await client.query({ query: GuidelineAndPracticesDocument });
    expect(data?.guideline?.section).toBeTruthy();
    expect(data?.guideline?.practices?.length).toBeGreaterThan(0);
    client.stop();
  });

  it('refuses any other operation before parsing it, and says how to send a registered one by its id', async () => {
    const freeForm = await post(graph.url, { query: FREE_FORM });
    expect(freeForm.status).toBe(400);
    expect(codeOf(freeForm)).toBe('PERSISTED_QUERY_ID_REQUIRED');
    expect(freeForm.body.data).toBeUndefined();
    const registeredText = await post(graph.url, { query: REGISTERED[COUNTRY_ID] });
    expect(codeOf(registeredText)).toBe('PERSISTED_QUERY_ID_REQUIRED');
    expect(registeredText.body.errors?.[0].message).toContain(COUNTRY_ID);
    expect(codeOf(await get(graph.url, { query: FREE_FORM }))).toBe('PERSISTED_QUERY_ID_REQUIRED');
    // Not even a syntax error reaches the parser.
    expect(codeOf(await post(graph.url, { query: '{ country(' }))).toBe('PERSISTED_QUERY_ID_REQUIRED');
  });

  it('refuses an unknown id, and does not let automatic persisted queries register a new document', async () => {
    const unknown = await post(graph.url, { documentId: sha256(FREE_FORM) });
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    const persistedQuery = { version: 1, sha256Hash: sha256(FREE_FORM) };
    expect(codeOf(await post(graph.url, { query: FREE_FORM, extensions: { persistedQuery } }))).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(codeOf(await post(graph.url, { extensions: { persistedQuery } }))).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(codeOf(await post(graph.url, { documentId: 'not-a-hash' }))).toBe('BAD_REQUEST');
  });

  it('holds for subscriptions too: graphql-ws and SSE run registered ones by id and refuse the others', async () => {
    const refused = (await firstOverSocket(graph.url, { query: EVENTS })) as { errors: { extensions: { code: string } }[] };
    expect(refused.errors[0].extensions.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
    const overSse = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: EVENTS }),
    });
    expect(overSse.status).toBe(400);
    expect(((await overSse.json()) as Answer['body']).errors?.[0].extensions.code).toBe('PERSISTED_QUERY_ID_REQUIRED');

    const before = graph.gateway.feed.subscribers();
    const control = new AbortController();
    const byId = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ documentId: sha256(EVENTS) }),
      signal: control.signal,
    });
    expect(byId.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const deadline = Date.now() + 5000;
    while (graph.gateway.feed.subscribers() !== before + 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(graph.gateway.feed.subscribers()).toBe(before + 1);
    control.abort();

    const socket = createClient({ url: graph.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const errors: unknown[] = [];
    const dispose = socket.subscribe(
      { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(EVENTS) } } },
      { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined },
    );
    const opened = Date.now() + 5000;
    while (graph.gateway.feed.subscribers() < before + 1 && Date.now() < opened) await new Promise((r) => setTimeout(r, 20));
    expect(errors).toEqual([]);
    expect(graph.gateway.feed.subscribers()).toBeGreaterThanOrEqual(before + 1);
    dispose();
    await socket.dispose();
  });

  it("still serves the hemispheric report's documents, which the gateway reads through its own executor", async () => {
    const response = await fetch(`${graph.url.replace(/\/graphql$/, '')}/reports/2015-2016.csv`);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv.split(/\r?\n/)[0]).toBe('country_code,country_name,indicator_id,guideline,indicator_text,progress,narrative,updated_at');
    expect(csv).toContain('GT,Guatemala,');
  });
});

describe('TRUSTED_DOCUMENTS=allow', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ TRUSTED_DOCUMENTS: 'allow' });
  });
  afterAll(() => graph.stop());

  it('runs registered operations by id, any other operation as sent, and an unknown documentId not at all', async () => {
    expect((await post(graph.url, { documentId: COUNTRY_ID })).body.data).toMatchObject({ country: { nameEs: 'Guatemala' } });
    expect((await post(graph.url, { query: FREE_FORM })).body).toEqual({ data: { country: { nameEs: 'Guatemala' } } });
    expect(codeOf(await post(graph.url, { documentId: sha256(FREE_FORM) }))).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it("keeps Apollo's automatic persisted queries: an unknown hash is asked for its text once, then runs by hash", async () => {
    const persistedQuery = { version: 1, sha256Hash: sha256(FREE_FORM) };
    expect(codeOf(await post(graph.url, { extensions: { persistedQuery } }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(graph.url, { query: FREE_FORM, extensions: { persistedQuery } })).body.data).toEqual({
      country: { nameEs: 'Guatemala' },
    });
    expect((await post(graph.url, { extensions: { persistedQuery } })).body.data).toEqual({ country: { nameEs: 'Guatemala' } });
  });
});

describe('TRUSTED_DOCUMENTS off (the default)', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('runs any operation, and answers a documentId with why it cannot', async () => {
    expect((await post(graph.url, { query: FREE_FORM })).body).toEqual({ data: { country: { nameEs: 'Guatemala' } } });
    const byId = await post(graph.url, { documentId: COUNTRY_ID });
    expect(byId.status).toBe(400);
    expect(codeOf(byId)).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(byId.body.errors?.[0].message).toContain('TRUSTED_DOCUMENTS is off');
  });
});
