import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium';
import { exampleOperations } from '../../gateway/graphiql';
import { startGraph, TestGraph } from '../helpers/graph';
import { asViewer, tokenFor, viewer } from '../helpers/auth';

const haveChromium = chromiumAvailable('GraphiQL browser test');

(haveChromium ? describe : describe.skip)('the GraphiQL page, in headless Chromium', () => {
  let graph: TestGraph;
  let browser: Browser;
  beforeAll(async () => {
    graph = await startGraph();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it('loads with nothing from outside the gateway, one titled tab per example, runs the first and shows the result', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(graph.url.replace('/graphql', ''))) outside.push(request.url());
    });
    await page.goto(graph.url);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    // GraphiQL titles a tab with its operation's name: the tabs read as the examples' names, in order.
    const names = exampleOperations().map(({ query }) => /^query (\w+)/.exec(query)![1]);
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(names);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('"data"').waitFor({ timeout: 10_000 });
    expect(await result.innerText()).toContain('"indicators"');
    expect(outside).toEqual([]);
    await page.close();
  }, 60_000);

  it('runs a subscription over graphql-ws with the token of the page, and shows the event it receives', async () => {
    const secretariat = viewer('SECRETARIAT');
    const page = await browser.newPage();
    await page.addInitScript(
      (token) =>
        (globalThis as unknown as { localStorage: { setItem: (key: string, value: string) => void } }).localStorage.setItem(
          'enlace-token',
          token,
        ),
      tokenFor(secretariat),
    );
    await page.goto(graph.url);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });
    // A tab of its own, as a user would open: the examples' tabs carry their operation's name.
    await page.locator('.graphiql-tab-add').click();
    const subscription = 'subscription { agreementEvents(filter: { kinds: [CREATED] }) { kind agreement { title } } }';
    await page.evaluate((query) => {
      // The page's own DOM (this function runs in the browser; the test's types have no DOM).
      const { document } = globalThis as unknown as { document: { querySelector: (selector: string) => unknown } };
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as { CodeMirror: { setValue: (text: string) => void } };
      editor.CodeMirror.setValue(query);
    }, subscription);
    // GraphiQL reads the edited document (and its operation name) a moment after the change.
    await page.waitForTimeout(500);
    const before = graph.gateway.feed.subscribers();
    await page.locator('.graphiql-execute-button').click();
    for (const start = Date.now(); graph.gateway.feed.subscribers() === before;) {
      if (Date.now() - start > 10_000) throw new Error(`GraphiQL did not subscribe: ${await page.locator('.result-window').innerText()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const created = await graph.query(
      'mutation { createAgreement(input: { title: "Visto en GraphiQL", kind: BILATERAL, parties: [{ country: "CL" }, { country: "PE" }] }) { id } }',
      {},
      asViewer(secretariat),
    );
    expect(created.body.errors).toBeUndefined();
    await page.locator('.result-window').getByText('Visto en GraphiQL').waitFor({ timeout: 10_000 });
    await page.close();
  }, 60_000);
});
