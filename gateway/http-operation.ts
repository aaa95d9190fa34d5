/**
 * The operation of a GraphQL over HTTP request, as sent: a POST's JSON body, or a GET's query string
 * (its `variables` and `extensions` JSON-decoded). Read where the gateway looks at an operation before
 * Apollo Server does: trusted documents, subscriptions over HTTP, the response cache's lookup.
 */
export interface HttpOperation {
  /** Each as sent: anything in a POST's body, a string in a GET's query string; undefined when absent. */
  query: unknown;
  operationName: unknown;
  documentId: unknown;
  variables: unknown;
  extensions: unknown;
  /**
   * A GET's `variables` or `extensions` that is not JSON (undefined above). Apollo Server refuses such a
   * request; whether to look at it before that is each reader's call.
   */
  notJson: readonly ('variables' | 'extensions')[];
}

const NONE: HttpOperation['notJson'] = [];

/** A POST's operation; null when its body is not one JSON object. */
export function operationInBody(body: unknown): HttpOperation | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName, documentId, variables, extensions } = body as Record<string, unknown>;
  return { query, operationName, documentId, variables, extensions, notJson: NONE };
}

/** A GET's operation, from its query string. */
export function operationInSearch(search: URLSearchParams): HttpOperation {
  let notJson = NONE;
  const decoded = (name: 'variables' | 'extensions'): unknown => {
    const raw = search.get(name);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      notJson = [...notJson, name];
      return undefined;
    }
  };
  const variables = decoded('variables');
  const extensions = decoded('extensions');
  return {
    query: search.get('query') ?? undefined,
    operationName: search.get('operationName') ?? undefined,
    documentId: search.get('documentId') ?? undefined,
    variables,
    extensions,
    notJson,
  };
}

/** The operation of a POST or a GET; null for another method, or a POST whose body is not one JSON object. */
export function httpOperationOf(method: string | undefined, body: unknown, search: URLSearchParams): HttpOperation | null {
  if (method === 'POST') return operationInBody(body);
  return method === 'GET' ? operationInSearch(search) : null;
}
