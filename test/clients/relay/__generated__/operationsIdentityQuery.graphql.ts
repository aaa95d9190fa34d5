/**
 * @generated SignedSource<<2ec6e4c287f2cf1efba254eee36525d3>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type operationsIdentityQuery$variables = Record<PropertyKey, never>;
export type operationsIdentityQuery$data = {
  readonly country: {
    readonly id: string;
    readonly nameEs: string;
  } | null | undefined;
  readonly guideline: {
    readonly id: string;
    readonly number: number;
  } | null | undefined;
  readonly mandates: ReadonlyArray<{
    readonly id: string;
    readonly number: number;
  }> | null | undefined;
};
export type operationsIdentityQuery = {
  response: operationsIdentityQuery$data;
  variables: operationsIdentityQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v1 = [
  (v0/*:: as any*/),
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "number",
    "storageKey": null
  }
],
v2 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Literal",
        "name": "code",
        "value": "GT"
      }
    ],
    "concreteType": "Country",
    "kind": "LinkedField",
    "name": "country",
    "plural": false,
    "selections": [
      (v0/*:: as any*/),
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "nameEs",
        "storageKey": null
      }
    ],
    "storageKey": "country(code:\"GT\")"
  },
  {
    "alias": null,
    "args": [
      {
        "kind": "Literal",
        "name": "number",
        "value": 17
      }
    ],
    "concreteType": "Guideline",
    "kind": "LinkedField",
    "name": "guideline",
    "plural": false,
    "selections": (v1/*:: as any*/),
    "storageKey": "guideline(number:17)"
  },
  {
    "alias": null,
    "args": null,
    "concreteType": "Mandate",
    "kind": "LinkedField",
    "name": "mandates",
    "plural": true,
    "selections": (v1/*:: as any*/),
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "operationsIdentityQuery",
    "selections": (v2/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "operationsIdentityQuery",
    "selections": (v2/*:: as any*/)
  },
  "params": {
    "cacheID": "43ed4664d4529281d7423f625cb65662",
    "id": null,
    "metadata": {},
    "name": "operationsIdentityQuery",
    "operationKind": "query",
    "text": "query operationsIdentityQuery {\n  country(code: \"GT\") {\n    id\n    nameEs\n  }\n  guideline(number: 17) {\n    id\n    number\n  }\n  mandates {\n    id\n    number\n  }\n}\n"
  }
};
})();

(node as any).hash = "76fb3a99b2ac1c2939597520e23c7bd3";

export default node;
