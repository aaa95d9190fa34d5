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

/** An example operation: one GraphiQL tab, titled by GraphiQL after the operation's name. */
export interface ExampleOperation {
  file: string;
  query: string;
}

/**
 * The example operations GraphiQL opens as tabs, one file each under gateway/examples/, in file-name
 * order; the README shows the same files and a test runs them. They are part of the build (the image
 * copies the folder), not documentation read at run time, so a gateway never depends on the README.
 */
export function exampleOperations(): ExampleOperation[] {
  const dir = projectPath('gateway', 'examples');
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  if (files.length === 0) throw new Error(`no example operation (*.graphql) in ${dir}`);
  return files.map((file) => ({ file, query: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

function page(graphqlPath: string, examples: ExampleOperation[]): string {
  // GraphiQL's tab definitions take no title: it titles each tab with the operation's name.
  const tabs = JSON.stringify(examples.map(({ query }) => ({ query })));
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
    // Subscriptions go over graphql-ws on the same path; the editor's headers (the token) become its connection_init payload.
    const subscriptionUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + ${JSON.stringify(graphqlPath)};
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)}, subscriptionUrl });
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
  const html = page(graphqlPath, exampleOperations());
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
    res.writeHead(200, {
      'content-type': `${ASSETS[pathname.slice(ASSET_PREFIX.length)].type}; charset=utf-8`,
      'cache-control': 'public, max-age=86400',
    });
    fs.createReadStream(file).pipe(res);
    return true;
  };
}
