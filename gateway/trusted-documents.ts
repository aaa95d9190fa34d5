import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { TrustedDocumentsMode } from '../services/platform/config';
import { operationInBody, operationInSearch } from './http-operation';

/**
 * Trusted documents (TRUSTED_DOCUMENTS, docs/api.md#trusted-documents): the operations front-end teams
 * register at build time, each by the SHA-256 of its text, run by that id. With `required` the gateway
 * runs nothing else, so no document it has not seen reaches its parser, validation or planner: the set of
 * documents is fixed, and every one is parsed and planned once, then served from Apollo Server's document
 * cache and the gateway's plan cache.
 *
 * A client names a registered document by `documentId` (the GraphQL over HTTP draft's name; a POST's body
 * or a GET's query string, or a graphql-ws subscribe message) or by Apollo's
 * `extensions.persistedQuery.sha256Hash` (Apollo Client's persisted-queries link).
 */

export interface TrustedDocumentsManifest {
  /** The text of each registered document, by its id (the lower-case hex SHA-256 of that text). */
  documents: ReadonlyMap<string, string>;
  /** The manifests read, for the start-up log. */
  files: string[];
}

/** The lower-case hex SHA-256 of a text: a document's id here, in Apollo's persisted queries, and Apollo Server's queryHash. */
export const documentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** One manifest's documents: graphql-codegen's persisted-documents.json ({ id: text }) or Apollo's persisted query manifest. */
function entriesOf(file: string, parsed: unknown): [string, string][] {
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const manifest = parsed as Record<string, unknown>;
    if (manifest.format === 'apollo-persisted-query-manifest') {
      if (manifest.version !== 1 || !Array.isArray(manifest.operations)) {
        throw new Error(`${file}: an Apollo persisted query manifest of version 1 has a list of operations`);
      }
      return manifest.operations.map((operation: unknown, i) => {
        const { id, body } = (operation ?? {}) as Record<string, unknown>;
        if (typeof id !== 'string' || typeof body !== 'string') throw new Error(`${file}: operation ${i} needs a string id and body`);
        return [id, body];
      });
    }
    return Object.entries(manifest).map(([id, body]) => {
      if (typeof body !== 'string') throw new Error(`${file}: the document of ${id} is not a string`);
      return [id, body];
    });
  }
  throw new Error(
    `${file}: expected graphql-codegen's persisted-documents.json (an object of id: text) or an Apollo persisted query manifest`,
  );
}

/**
 * Reads the manifests. Fails, naming the file and the id, when a manifest does not parse or an id is not
 * the SHA-256 of its text (a manifest made with another hash: set graphql-codegen's
 * `persistedDocuments.hashAlgorithm` to 'sha256'), so that an id can never run a text it does not stand for.
 */
export function loadTrustedDocuments(files: string[]): TrustedDocumentsManifest {
  const documents = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`TRUSTED_DOCUMENTS_MANIFESTS: cannot read ${file} (${(error as Error).message})`, { cause: error });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`TRUSTED_DOCUMENTS_MANIFESTS: ${file} is not JSON`);
    }
    for (const [id, body] of entriesOf(file, parsed)) {
      if (documentHash(body) !== id.toLowerCase()) {
        throw new Error(
          `TRUSTED_DOCUMENTS_MANIFESTS: in ${file}, ${id} is not the SHA-256 of its document ` +
            "(graphql-codegen: set presetConfig.persistedDocuments.hashAlgorithm to 'sha256')",
        );
      }
      documents.set(id.toLowerCase(), body);
    }
  }
  return { documents, files };
}

/** An operation as a transport carries it, before the gateway knows its text. */
export interface OperationRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/**
 * What the gateway runs for a request: a registered document's text (with the extensions left to pass
 * on), the request as it came (`asSent`), or nothing (the request is refused).
 */
export type Admission = { query: string; extensions: Record<string, unknown> | undefined } | { asSent: true } | { refusal: Refusal };

const SHA256 = /^[0-9a-f]{64}$/i;

function persistedHashOf(extensions: Record<string, unknown> | undefined): string | undefined {
  const persisted = extensions?.persistedQuery;
  if (!persisted || typeof persisted !== 'object') return undefined;
  const hash = (persisted as Record<string, unknown>).sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

const refused = (code: string, message: string, status = 400): Admission => ({ refusal: { status, code, message } });

/**
 * Decides what runs for one operation under the mode: a registered id becomes its text, whatever text came
 * with it (Apollo's persistedQuery extension is then dropped, so that no cache of automatic persisted
 * queries is written); anything else runs as sent (`off`, `allow`) or is refused (`required`). Apollo's
 * automatic persisted queries (a hash that is not registered) go on to Apollo Server under `off` and `allow`.
 */
export function admit(mode: TrustedDocumentsMode, manifest: TrustedDocumentsManifest | undefined, request: OperationRequest): Admission {
  const extensions =
    request.extensions && typeof request.extensions === 'object' && !Array.isArray(request.extensions)
      ? (request.extensions as Record<string, unknown>)
      : undefined;
  const query = typeof request.query === 'string' && request.query !== '' ? request.query : undefined;
  const documentId = request.documentId;
  if (documentId !== undefined && documentId !== null) {
    if (mode === 'off' || !manifest) {
      return refused(
        'PERSISTED_QUERY_NOT_SUPPORTED',
        'This gateway runs no documents by id (TRUSTED_DOCUMENTS is off): send the operation as `query`.',
      );
    }
    if (typeof documentId !== 'string' || !SHA256.test(documentId)) {
      return refused('BAD_REQUEST', '`documentId` is the SHA-256 of a registered document, as 64 hexadecimal digits.');
    }
  }
  const hash = typeof documentId === 'string' ? documentId : persistedHashOf(extensions);
  const registered = hash !== undefined && mode !== 'off' ? manifest?.documents.get(hash.toLowerCase()) : undefined;
  if (registered !== undefined) {
    // The id decides: a text sent with it (Apollo Client's own print of the document, over graphql-ws) is not read.
    const { persistedQuery: _persistedQuery, ...rest } = extensions ?? {};
    return { query: registered, extensions: Object.keys(rest).length > 0 ? rest : undefined };
  }
  if (mode !== 'required') {
    if (typeof documentId === 'string') {
      return refused('PERSISTED_QUERY_NOT_IN_LIST', `No registered document has the id ${documentId}.`);
    }
    return { asSent: true };
  }
  if (hash !== undefined) {
    // Named only when it has the shape of an id: the message never echoes a client's arbitrary text.
    const named = SHA256.test(hash) ? ` ${hash}` : '';
    return refused(
      'PERSISTED_QUERY_NOT_IN_LIST',
      `No registered document has the id${named}: this gateway runs only registered operations.`,
    );
  }
  const own = query === undefined ? undefined : documentHash(query);
  return refused(
    'PERSISTED_QUERY_ID_REQUIRED',
    own !== undefined && manifest?.documents.has(own)
      ? `This gateway runs registered operations by id only (TRUSTED_DOCUMENTS=required): send \`documentId\`: "${own}" instead of the text.`
      : 'This gateway runs only the operations registered at build time, by id (TRUSTED_DOCUMENTS=required): send a registered `documentId`.',
  );
}

/** An HTTP request's operation, as Apollo Server is to read it: the body and query string, rewritten. */
export type HttpAdmission = { body: unknown; search: URLSearchParams } | { refusal: Refusal };

/**
 * admit() for a GraphQL request over HTTP: a POST's JSON body or a GET's query string, given back with
 * a registered id replaced by its text. A POST whose body is not one JSON object carries no operation the
 * gateway could check: under `required` it is refused; otherwise Apollo Server answers it as before.
 */
export function admitHttp(
  mode: TrustedDocumentsMode,
  manifest: TrustedDocumentsManifest | undefined,
  method: string | undefined,
  body: unknown,
  search: URLSearchParams,
): HttpAdmission {
  // Off and no id, the case of every request by default: nothing is copied or read further.
  if (mode === 'off') {
    const id = method === 'POST' ? (body as { documentId?: unknown } | null | undefined)?.documentId : search.get('documentId');
    if (id === undefined || id === null) return { body, search };
  }
  // Any other method is read as a GET, by its query string: whatever Apollo Server makes of it, it has passed this check.
  const operation = method === 'POST' ? operationInBody(body) : operationInSearch(search);
  if (!operation) {
    if (mode !== 'required') return { body, search };
    return {
      refusal: { status: 400, code: 'BAD_REQUEST', message: 'Send one operation as a JSON object with a registered `documentId`.' },
    };
  }
  // A GET's extensions that are not JSON count as none: Apollo Server refuses the request for them, or `required` for its lack of an id.
  const admitted = admit(mode, manifest, operation);
  if ('refusal' in admitted) return admitted;
  if ('asSent' in admitted) return { body, search };
  if (method === 'POST') {
    const { documentId: _documentId, ...rest } = body as Record<string, unknown>;
    const rewritten: Record<string, unknown> = { ...rest, query: admitted.query };
    if (admitted.extensions) rewritten.extensions = admitted.extensions;
    else delete rewritten.extensions;
    return { body: rewritten, search };
  }
  const rewritten = new URLSearchParams(search);
  rewritten.delete('documentId');
  rewritten.set('query', admitted.query);
  if (admitted.extensions) rewritten.set('extensions', JSON.stringify(admitted.extensions));
  else rewritten.delete('extensions');
  return { body, search: rewritten };
}
