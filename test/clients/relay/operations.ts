// The Relay recipe's operations, compiled by Relay's compiler (`npm run relay`) into __generated__/.
// Relay's Babel plugin would replace these tags at build time; the tests import the artifacts instead,
// so the tags are read by the compiler and never run.
import { graphql } from 'relay-runtime';

export const operations = () => [
  graphql`
    fragment operations_services on Query
    @refetchable(queryName: "operationsServicesPaginationQuery")
    @argumentDefinitions(first: { type: "Int" }, after: { type: "String" }, last: { type: "Int" }, before: { type: "String" }) {
      services(first: $first, after: $after, last: $last, before: $before) @connection(key: "operations_services") {
        edges {
          node {
            id
            name
            country {
              id
              nameEs
            }
          }
        }
      }
    }
  `,
  graphql`
    query operationsIdentityQuery {
      country(code: "GT") {
        id
        nameEs
      }
      guideline(number: 17) {
        id
        number
      }
      mandates {
        id
        number
      }
    }
  `,
  graphql`
    subscription operationsAgreementEventsSubscription {
      agreementEvents {
        kind
        agreement {
          id
          title
        }
      }
    }
  `,
];
