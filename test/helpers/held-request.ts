import http from 'node:http';

export interface HeldRequest {
  /** Sends the rest of the body; resolves with the answer. */
  finish: () => Promise<{ status: number; connection: string | undefined; body: any }>;
  /** Settles when the server cuts the request: the error, or null if it was answered. */
  cut: Promise<Error | null>;
}

/**
 * A POST whose body stops halfway: in flight on the server for as long as the test wants. Sent with
 * `Expect: 100-continue`, so that it resolves only once the server has the request (it answers 100).
 */
export function holdRequest(url: string, query: string): Promise<HeldRequest> {
  const body = JSON.stringify({ query });
  const half = Math.floor(body.length / 2);
  return new Promise((resolve, reject) => {
    let answer: (value: Awaited<ReturnType<HeldRequest['finish']>>) => void;
    let fail: (error: Error) => void;
    const answered = new Promise<Awaited<ReturnType<HeldRequest['finish']>>>((done, failed) => ((answer = done), (fail = failed)));
    let settleCut: (error: Error | null) => void;
    const cut = new Promise<Error | null>((done) => (settleCut = done));
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          settleCut(null);
          answer({ status: response.statusCode ?? 0, connection: response.headers.connection, body: JSON.parse(text) });
        });
      },
    );
    request.on('error', (error) => {
      settleCut(error);
      fail(error);
      reject(error);
    });
    answered.catch(() => undefined); // read by finish() only
    request.once('continue', () => {
      request.write(body.slice(0, half));
      resolve({
        cut,
        finish: () => {
          request.end(body.slice(half));
          return answered;
        },
      });
    });
    request.flushHeaders();
  });
}

/** Whether a new connection to the port is refused. */
export const refused = (url: string) =>
  new Promise<boolean>((resolve) => {
    http
      .get(url.replace('/graphql', '/health'), { agent: false }, (res) => resolve(!res.resume()))
      .on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
