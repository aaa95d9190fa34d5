import { httpOperationOf } from '../../gateway/http-operation';

const QUERY = 'query Countries($first: Int) { countries(first: $first) { code } }';
const none = new URLSearchParams();

describe('the operation of a GraphQL over HTTP request', () => {
  it("reads a POST's JSON body as sent, whatever the query string says", () => {
    const body = {
      query: QUERY,
      operationName: 'Countries',
      variables: { first: 2 },
      extensions: { x: 1 },
      documentId: 'abc',
      other: true,
    };
    expect(httpOperationOf('POST', body, new URLSearchParams({ query: '{ other }' }))).toEqual({
      query: QUERY,
      operationName: 'Countries',
      variables: { first: 2 },
      extensions: { x: 1 },
      documentId: 'abc',
      notJson: [],
    });
  });

  it('finds no operation in a POST body that is not one JSON object, nor in a method other than POST and GET', () => {
    for (const body of [undefined, null, '', 'text', 3, [{ query: QUERY }]]) expect(httpOperationOf('POST', body, none)).toBeNull();
    expect(httpOperationOf('PUT', { query: QUERY }, new URLSearchParams({ query: QUERY }))).toBeNull();
    expect(httpOperationOf(undefined, { query: QUERY }, new URLSearchParams({ query: QUERY }))).toBeNull();
  });

  it("reads a GET's query string, its variables and extensions as JSON, and leaves out what is absent", () => {
    const search = new URLSearchParams({ query: QUERY, operationName: 'Countries', variables: '{"first":2}', extensions: '{"x":1}' });
    expect(httpOperationOf('GET', 'ignored', search)).toEqual({
      query: QUERY,
      operationName: 'Countries',
      variables: { first: 2 },
      extensions: { x: 1 },
      documentId: undefined,
      notJson: [],
    });
    expect(httpOperationOf('GET', undefined, new URLSearchParams({ documentId: 'abc' }))).toEqual({
      query: undefined,
      operationName: undefined,
      variables: undefined,
      extensions: undefined,
      documentId: 'abc',
      notJson: [],
    });
  });

  it("says which of a GET's variables and extensions is not JSON, and leaves it undefined", () => {
    const variables = httpOperationOf('GET', undefined, new URLSearchParams({ query: QUERY, variables: '{first: 2}', extensions: '{}' }));
    expect(variables).toMatchObject({ query: QUERY, variables: undefined, extensions: {}, notJson: ['variables'] });
    const both = httpOperationOf('GET', undefined, new URLSearchParams({ query: QUERY, variables: '', extensions: 'x' }));
    expect(both).toMatchObject({ variables: undefined, extensions: undefined, notJson: ['variables', 'extensions'] });
  });
});
