import type { ApolloServerPlugin, BaseContext, DocumentStore } from '@apollo/server';
import { parse, type DocumentNode, type GraphQLSchema, type ParseOptions } from 'graphql';
import { normalizeOperation, type NormalizedOperation } from './normalized-operation';
import { SizedLru } from './sized-lru';

/**
 * Characters of document source kept parsed and validated: a parsed document (S5's) takes about 80 bytes of
 * heap a character, so about 40 MB at most. Apollo Server's own default store keeps 30 MiB of documents'
 * JSON, about 1.5 million characters of source.
 */
export const DOCUMENTS_BUDGET = 500_000;
/** Characters of normalized documents known valid (kept as strings). */
export const VALID_FORMS_BUDGET = 2_000_000;

/**
 * Apollo Server's document store (its `documentStore` option), which also spares validation to a new
 * document whose normalized form (normalized-operation.ts) belongs to a document validated before: a
 * client that writes its values into the document, or names and aliases its operations its own way,
 * costs a parse, not a validation. The gateway and every subgraph have one.
 *
 * Apollo Server asks the store for a document by its query hash before parsing it, and stores it once
 * it has validated it. The plugin (`plugin`) runs just before that question: for a document the store
 * does not hold, it parses it and, if its normalized form is known valid, stores it, so that Apollo Server
 * finds it and neither parses nor validates it again. A document of a form not seen yet is parsed twice
 * (here and by Apollo Server), and validated as usual.
 *
 * One store serves one server and one schema: it keys documents by query hash alone, dropping the prefix
 * Apollo Server adds per schema.
 */
export class OperationDocuments implements DocumentStore {
  private readonly documents = new SizedLru<DocumentNode>(DOCUMENTS_BUDGET);
  private readonly validForms = new SizedLru<true>(VALID_FORMS_BUDGET);
  private readonly forms = new WeakMap<DocumentNode, NormalizedOperation | null>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly parseOptions: ParseOptions = {},
  ) {}

  get(key: string): Promise<DocumentNode | undefined> {
    return Promise.resolve(this.documents.get(hashOf(key)));
  }

  /** Apollo Server stores a document once it has validated it: its normalized form is known valid from then on. */
  set(key: string, document: DocumentNode): Promise<void> {
    this.documents.set(hashOf(key), document, documentSize(document));
    const form = this.normalized(document);
    if (form) this.validForms.set(form.text, true, form.text.length);
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.documents.delete(hashOf(key)));
  }

  /** The document's normalized form, computed once per parsed document. */
  normalized(document: DocumentNode): NormalizedOperation | undefined {
    let form = this.forms.get(document);
    if (form === undefined) this.forms.set(document, (form = normalizeOperation(this.schema, document) ?? null));
    return form ?? undefined;
  }

  /** Admits a new document of a known-valid form before Apollo Server looks for it (see the class). */
  plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async () => ({
        didResolveSource: async ({ source, queryHash }) => {
          if (this.documents.has(queryHash)) return;
          let document: DocumentNode;
          try {
            document = parse(source, this.parseOptions);
          } catch {
            return; // Apollo Server parses it again and answers the syntax error.
          }
          const form = this.normalized(document);
          if (form && this.validForms.get(form.text)) this.documents.set(queryHash, document, documentSize(document));
        },
      }),
    };
  }
}

/** Apollo Server's key without its schema prefix (`<schema hash>:<query hash>`). */
const hashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/** A parsed document's size in characters of source, as the budgets count it. */
export const documentSize = (document: DocumentNode) => document.loc?.end ?? 1000;
