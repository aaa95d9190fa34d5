import { randomUUID } from 'node:crypto';
import { signToken } from '../../services/platform/auth';

/** What the gateway needs of an event to route it: the rest is resolved per subscriber group. */
export interface LoggedEvent {
  id: number;
  kind: string;
  countries: string[];
}

const LOG_QUERY = `query($after: ID, $first: Int) {
  agreementEventLog(after: $after, first: $first) { id kind agreement { parties { country { code } } } }
}`;

interface LogData {
  agreementEventLog: { id: string; kind: string; agreement: { parties: { country: { code: string } }[] } }[];
}

/**
 * Reads the agreements subgraph's event log, the one source of the feed. The gateway reads it as the
 * Secretariat (a short-lived token it signs itself) so that it sees every event; what each subscriber
 * may see is decided later, when the event is resolved with the subscriber's own token.
 */
export class EventLog {
  private readonly gatewayId = randomUUID();

  constructor(
    private readonly url: string,
    private readonly jwtSecret: string,
  ) {}

  /** Events after `after` (all when null), oldest first, at most `first`. */
  async after(after: number | null, first = 100): Promise<LoggedEvent[]> {
    const data = (await this.post(LOG_QUERY, { after: after === null ? null : String(after), first })) as LogData;
    return data.agreementEventLog.map((event) => ({
      id: Number(event.id),
      kind: event.kind,
      countries: event.agreement.parties.map((party) => party.country.code),
    }));
  }

  /** The id of the newest event, or 0 for an empty log. */
  async head(): Promise<number> {
    const body = (await this.post('{ lastAgreementEventId }', {})) as { lastAgreementEventId: string | null };
    return Number(body.lastAgreementEventId ?? 0);
  }

  private async post(query: string, variables: Record<string, unknown>): Promise<unknown> {
    const token = signToken({ id: this.gatewayId, role: 'SECRETARIAT', country: null, authorityId: null }, this.jwtSecret, 60);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (!body.data || body.errors) throw new Error(`event log unavailable: ${body.errors?.[0]?.message ?? response.status}`);
    return body.data;
  }
}
