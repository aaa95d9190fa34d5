/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query GuidelineAndPractices {\n  guideline(number: 22) {\n    section\n    text\n    indicators {\n      text\n    }\n    practices {\n      title\n      countries {\n        nameEs\n      }\n    }\n  }\n}": typeof types.GuidelineAndPracticesDocument,
    "query CountryFromFiveSubgraphs {\n  country(code: \"GT\") {\n    nameEs\n    contactPoint {\n      name\n      email\n    }\n    authorities {\n      name\n      agreements {\n        title\n        status\n        parties {\n          country {\n            name\n          }\n        }\n      }\n    }\n    organizations {\n      name\n      services {\n        name\n        type\n        languages\n      }\n    }\n    practices {\n      title\n      guidelines {\n        number\n        section\n      }\n    }\n  }\n}": typeof types.CountryFromFiveSubgraphsDocument,
    "query ServicesInKiche {\n  services(filter: {language: \"quc\"}, first: 10) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      name\n      type\n      city\n      organization {\n        name\n        website\n      }\n      country {\n        nameEs\n      }\n      shelter {\n        kind\n        capacity\n      }\n    }\n  }\n}": typeof types.ServicesInKicheDocument,
};
const documents: Documents = {
    "query GuidelineAndPractices {\n  guideline(number: 22) {\n    section\n    text\n    indicators {\n      text\n    }\n    practices {\n      title\n      countries {\n        nameEs\n      }\n    }\n  }\n}": types.GuidelineAndPracticesDocument,
    "query CountryFromFiveSubgraphs {\n  country(code: \"GT\") {\n    nameEs\n    contactPoint {\n      name\n      email\n    }\n    authorities {\n      name\n      agreements {\n        title\n        status\n        parties {\n          country {\n            name\n          }\n        }\n      }\n    }\n    organizations {\n      name\n      services {\n        name\n        type\n        languages\n      }\n    }\n    practices {\n      title\n      guidelines {\n        number\n        section\n      }\n    }\n  }\n}": types.CountryFromFiveSubgraphsDocument,
    "query ServicesInKiche {\n  services(filter: {language: \"quc\"}, first: 10) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      name\n      type\n      city\n      organization {\n        name\n        website\n      }\n      country {\n        nameEs\n      }\n      shelter {\n        kind\n        capacity\n      }\n    }\n  }\n}": types.ServicesInKicheDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GuidelineAndPractices {\n  guideline(number: 22) {\n    section\n    text\n    indicators {\n      text\n    }\n    practices {\n      title\n      countries {\n        nameEs\n      }\n    }\n  }\n}"): (typeof documents)["query GuidelineAndPractices {\n  guideline(number: 22) {\n    section\n    text\n    indicators {\n      text\n    }\n    practices {\n      title\n      countries {\n        nameEs\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CountryFromFiveSubgraphs {\n  country(code: \"GT\") {\n    nameEs\n    contactPoint {\n      name\n      email\n    }\n    authorities {\n      name\n      agreements {\n        title\n        status\n        parties {\n          country {\n            name\n          }\n        }\n      }\n    }\n    organizations {\n      name\n      services {\n        name\n        type\n        languages\n      }\n    }\n    practices {\n      title\n      guidelines {\n        number\n        section\n      }\n    }\n  }\n}"): (typeof documents)["query CountryFromFiveSubgraphs {\n  country(code: \"GT\") {\n    nameEs\n    contactPoint {\n      name\n      email\n    }\n    authorities {\n      name\n      agreements {\n        title\n        status\n        parties {\n          country {\n            name\n          }\n        }\n      }\n    }\n    organizations {\n      name\n      services {\n        name\n        type\n        languages\n      }\n    }\n    practices {\n      title\n      guidelines {\n        number\n        section\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServicesInKiche {\n  services(filter: {language: \"quc\"}, first: 10) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      name\n      type\n      city\n      organization {\n        name\n        website\n      }\n      country {\n        nameEs\n      }\n      shelter {\n        kind\n        capacity\n      }\n    }\n  }\n}"): (typeof documents)["query ServicesInKiche {\n  services(filter: {language: \"quc\"}, first: 10) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      name\n      type\n      city\n      organization {\n        name\n        website\n      }\n      country {\n        nameEs\n      }\n      shelter {\n        kind\n        capacity\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;