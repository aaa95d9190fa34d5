import { loadConfig } from '../services/common/config';
import { createLogger } from '../services/common/logger';
import { startGateway } from './gateway';

const config = loadConfig();
startGateway(config).then(
  (gateway) => {
    const stop = () => gateway.stop().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
  (error: unknown) => {
    createLogger('gateway', 'error').fatal({ err: error }, 'could not start');
    process.exit(1);
  },
);
