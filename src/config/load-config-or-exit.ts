import { type AppConfig, ConfigValidationError, loadConfig } from './app-config';

/** Boot-time config: on a bad environment print one line per problem and exit, no stack trace. */
export function loadConfigOrExit(processName: string): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(`Tahkim ${processName} cannot start. ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
