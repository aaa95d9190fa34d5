import { loadConfig, SUBGRAPHS } from '../../services/platform/config';
import { ComposeFile, dockerComposeConfig, enlaceServices, loadCompose, OPERATOR_VARIABLES } from './compose';

const SECRETS = ['MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'JWT_PRIVATE_KEY', 'FEED_KEY', 'ENLACE_ADMIN_PASSWORD'].map(
  (name) => OPERATOR_VARIABLES[name],
);

// `docker-compose config` also validates the file against compose's own schema; without the binary
// (apt-get install docker-compose; .ci/run does) the same checks run on the file as read here.
const fromDockerCompose = dockerComposeConfig();
if (!fromDockerCompose) {
  console.warn('docker-compose is not installed: docker-compose.yml is checked as read by js-yaml only.');
}
const READINGS: [string, ComposeFile][] = [['as read here', loadCompose()]];
if (fromDockerCompose) READINGS.push(['as `docker-compose config` prints it', fromDockerCompose]);

describe.each(READINGS)('docker-compose.yml, %s', (_reading, file) => {
  const enlace = enlaceServices(file);

  it('runs every Enlace process from one image, which one service builds and none pulls', () => {
    expect(enlace.map(([name]) => name).sort()).toEqual([...SUBGRAPHS, 'gateway'].sort());
    expect(new Set(enlace.map(([, service]) => service.image))).toEqual(new Set(['enlace:latest']));
    expect(enlace.filter(([, service]) => service.build).length).toBe(1);
    for (const [name, service] of enlace) expect({ name, pull: service.pull_policy }).toEqual({ name, pull: 'never' });
  });

  it('writes no password or key into a command or a health check', () => {
    for (const [name, service] of Object.entries(file.services)) {
      const commands = JSON.stringify([service.command, service.healthcheck]);
      for (const secret of SECRETS) expect({ name, leaks: commands.includes(secret) }).toEqual({ name, leaks: false });
    }
  });

  it('gives the private key to accounts only, and the public key and feed key to every process', () => {
    for (const [name, service] of enlace) {
      const config = loadConfig(service.environment);
      const signs = service.command?.at(-1) === 'dist/services/accounts/main.js';
      expect({ name, privateKey: config.jwtPrivateKey !== undefined }).toEqual({ name, privateKey: signs });
      expect({ name, publicKey: config.jwtPublicKey, feedKey: config.feedKey }).toEqual({
        name,
        publicKey: OPERATOR_VARIABLES.JWT_PUBLIC_KEY,
        feedKey: OPERATOR_VARIABLES.FEED_KEY,
      });
    }
  });

  it("gives the gateway a fixed address that every subgraph believes when it names its client's address", () => {
    const gateway = file.services.gateway;
    const networks = gateway.networks && !Array.isArray(gateway.networks) ? gateway.networks : {};
    const address = networks.default?.ipv4_address;
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const [name, service] of enlace.filter(([serviceName]) => serviceName !== 'gateway')) {
      expect({ name, believed: loadConfig(service.environment).gatewayAddresses }).toEqual({ name, believed: [address] });
    }
  });

  it('lets every process reach each other subgraph by its service name and port, not 127.0.0.1', () => {
    const listening = new Map<string, string>();
    for (const [name, service] of enlace) {
      const script = service.command?.at(-1) ?? '';
      const subgraph = SUBGRAPHS.find((candidate) => script === `dist/services/${candidate}/main.js`);
      if (subgraph) listening.set(subgraph, `http://${name}:${loadConfig(service.environment).ports[subgraph]}/graphql`);
    }
    expect([...listening.keys()].sort()).toEqual([...SUBGRAPHS].sort());
    for (const [name, service] of enlace) {
      const urls = loadConfig(service.environment).subgraphUrls;
      const others = SUBGRAPHS.filter((subgraph) => service.command?.at(-1) !== `dist/services/${subgraph}/main.js`);
      expect({ name, urls: others.map((subgraph) => urls[subgraph]) }).toEqual({
        name,
        urls: others.map((subgraph) => listening.get(subgraph)),
      });
    }
  });
});
