import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { projectPath } from '../services/platform/paths';

/** Files the page loads, served by the gateway itself from node_modules: nothing comes from a CDN. */
const ASSETS: Record<string, { module: string; file: string; type: string }> = {
  'react.js': { module: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { module: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { module: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { module: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};
export const ASSET_PREFIX = '/graphiql/';

function assetPath(name: string): string | null {
  const asset = ASSETS[name];
  if (!asset) return null;
  return path.join(path.dirname(require.resolve(`${asset.module}/package.json`)), asset.file);
}

/** The README's example queries, one tab each, so a newcomer starts from something that works. */
export function readmeExamples(): string[] {
  const readme = fs.readFileSync(projectPath('README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1].trim());
}

function page(graphqlPath: string, examples: string[]): string {
  const tabs = JSON.stringify(examples.map((query) => ({ query })));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Enlace GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="${ASSET_PREFIX}graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${ASSET_PREFIX}react.js"></script>
  <script src="${ASSET_PREFIX}react-dom.js"></script>
  <script src="${ASSET_PREFIX}graphiql.js"></script>
  <script>
    const token = localStorage.getItem('enlace-token');
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultTabs: ${tabs.replace(/</g, '\\u003c')},
        defaultHeaders: token ? JSON.stringify({ authorization: 'Bearer ' + token }) : undefined,
        defaultEditorToolsVisibility: true,
      }),
    );
  </script>
</body>
</html>`;
}

/**
 * GET /graphql from a browser (it asks for text/html) gets GraphiQL; its scripts and styles come from
 * /graphiql/*. Answers true when it handled the request.
 */
export function createGraphiQL(graphqlPath: string): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  const html = page(graphqlPath, readmeExamples());
  return (req, res, pathname) => {
    if (req.method !== 'GET') return false;
    if (pathname === graphqlPath && (req.headers.accept ?? '').includes('text/html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return true;
    }
    if (!pathname.startsWith(ASSET_PREFIX)) return false;
    const file = assetPath(pathname.slice(ASSET_PREFIX.length));
    if (!file) return false;
    res.writeHead(200, { 'content-type': `${ASSETS[pathname.slice(ASSET_PREFIX.length)].type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
    fs.createReadStream(file).pipe(res);
    return true;
  };
}
