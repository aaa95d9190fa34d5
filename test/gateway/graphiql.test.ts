import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium';
import { exampleOperations } from '../../gateway/graphiql';
import { startGraph, TestGraph } from '../helpers/graph';

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
});
