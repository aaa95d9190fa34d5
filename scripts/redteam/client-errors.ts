import net from 'node:net';
import type { GraphProcesses } from '../bench/processes';
import { post, type Attack } from './attack';

/** The attacks of issue 15, items 4 and 5: a client's broken input answered as a server fault, and a flood of the error log. */

const floatOverflow: Attack = {
  name: 'float-overflow',
  summary: 'item 4: a Float literal that overflows (1e400) as a radius and as a latitude; 500 or 400, and is it logged?',
  target: 'gateway',
  run: async ({ gatewayUrl }: GraphProcesses, _log, logs) => {
    const queries = [
      '{ services(filter: { radiusKm: 1e400 }) { totalCount } }',
      '{ services(filter: { near: { latitude: 1e400, longitude: -90.5 }, radiusKm: 5 }) { totalCount } }',
    ];
    const answers: string[] = [];
    for (const query of queries) {
      const { status, body } = await post(gatewayUrl, query);
      const code = typeof body === 'object' ? body.errors?.[0]?.extensions?.code : 'not JSON';
      answers.push(`${status} ${String(code)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const gatewayLines = logs('gateway').filter((line) => line.includes('1e400') || line.includes('Infinity')).length;
    return `${answers.join(', ')}; gateway log lines about it: ${gatewayLines}`;
  },
};

/** One connection that sends the head of a POST and part of its body, then is cut off. */
function cutOff(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        'POST /graphql HTTP/1.1\r\nHost: enlace\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{"query":"{ countr',
      );
      setTimeout(() => socket.destroy(), 2);
    });
    socket.once('close', () => resolve());
    socket.once('error', () => resolve());
  });
}

const CONNECTIONS = 20_000;
const AT_ONCE = 50;

const abortedBodies: Attack = {
  name: 'aborted-bodies',
  summary: `item 5: ${CONNECTIONS.toLocaleString('en-US')} connections cut off mid-body; how many lines (and stacks) does the gateway log?`,
  target: 'gateway',
  run: async ({ gatewayUrl }: GraphProcesses, _log, logs) => {
    const port = Number(new URL(gatewayUrl).port);
    const started = Date.now();
    for (let sent = 0; sent < CONNECTIONS; sent += AT_ONCE) {
      await Promise.all(Array.from({ length: AT_ONCE }, () => cutOff(port)));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const lines = logs('gateway');
    const stacks = lines.filter((line) => line.includes('"stack"') || /^\s+at /.test(line)).length;
    return `${CONNECTIONS} cut off in ${((Date.now() - started) / 1000).toFixed(0)} s; the gateway wrote ${lines.length} log lines, ${stacks} with a stack`;
  },
};

export const CLIENT_ERROR_ATTACKS: Attack[] = [floatOverflow, abortedBodies];
