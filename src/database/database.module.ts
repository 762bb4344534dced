import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';
import { runMigrationsLocked } from './run-migrations';

export interface DatabaseModuleOptions {
  /** Apply pending migrations once connected (the API does when MIGRATE_ON_START=true). */
  migrate: boolean;
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => databaseOptions(config.DATABASE_URL),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            if (options.migrate) {
              const applied = await runMigrationsLocked(dataSource);
              if (applied.length > 0) {
                new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
              }
            }
            return dataSource;
          },
        }),
        // The transaction host: a transaction started by a service (@Transactional) is the one
        // every repository and the outbox write in, without an EntityManager passed around.
        ClsModule.forRoot({
          global: true,
          plugins: [
            new ClsPluginTransactional({
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
      ],
    };
  }
}
