/**
 * @generated SignedSource<<6b75f59de9412796d03b2bc9e05894e8>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type AgreementEventKind = "CREATED" | "PARTY_SIGNED" | "STATUS_CHANGED" | "%future added value";
export type operationsAgreementEventsSubscription$variables = Record<PropertyKey, never>;
export type operationsAgreementEventsSubscription$data = {
  readonly agreementEvents: {
    readonly agreement: {
      readonly id: string;
      readonly title: string;
    };
    readonly kind: AgreementEventKind;
  };
};
export type operationsAgreementEventsSubscription = {
  response: operationsAgreementEventsSubscription$data;
  variables: operationsAgreementEventsSubscription$variables;
};

const node: ConcreteRequest = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "kind",
  "storageKey": null
},
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "concreteType": "Agreement",
  "kind": "LinkedField",
  "name": "agreement",
  "plural": false,
  "selections": [
    (v1/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "title",
      "storageKey": null
    }
  ],
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "operationsAgreementEventsSubscription",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "AgreementEvent",
        "kind": "LinkedField",
        "name": "agreementEvents",
        "plural": false,
        "selections": [
          (v0/*:: as any*/),
          (v2/*:: as any*/)
        ],
        "storageKey": null
      }
    ],
    "type": "Subscription",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "operationsAgreementEventsSubscription",
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "AgreementEvent",
        "kind": "LinkedField",
        "name": "agreementEvents",
        "plural": false,
        "selections": [
          (v0/*:: as any*/),
          (v2/*:: as any*/),
          (v1/*:: as any*/)
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "570371e4d5d98c87ce8a410cda584c8b",
    "id": null,
    "metadata": {},
    "name": "operationsAgreementEventsSubscription",
    "operationKind": "subscription",
    "text": "subscription operationsAgreementEventsSubscription {\n  agreementEvents {\n    kind\n    agreement {\n      id\n      title\n    }\n    id\n  }\n}\n"
  }
};
})();

(node as any).hash = "13f557c75cebcc4cbda6dbd6a527d1e4";

export default node;
