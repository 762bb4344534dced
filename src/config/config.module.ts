import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';

/**
 * Makes the validated AppConfig injectable everywhere. The entry points load it before Nest
 * starts (so a bad environment stops boot with a readable list, not a stack trace); tests pass
 * their own.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
