import 'reflect-metadata';
import { createApi } from './api.bootstrap';
import { loadConfigOrExit } from './config/load-config-or-exit';

async function main(): Promise<void> {
  const config = loadConfigOrExit('api');
  const app = await createApi(config);
  await app.listen(config.PORT, config.HOST);
  console.log(
    `Tahkim API listening on ${config.PUBLIC_URL} (bound to ${config.HOST}:${config.PORT})`,
  );
}

void main();
