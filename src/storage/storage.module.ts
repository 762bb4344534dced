import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FileStorage } from './file-storage';
import { createFileStorage } from './file-storage.factory';

/**
 * Makes `FileStorage` injectable everywhere, backed by the driver AppConfig selects: local disk
 * (STORAGE_LOCAL_DIR, relative to the working directory) or S3.
 */
@Global()
@Module({
  providers: [
    {
      provide: FileStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createFileStorage(config, new Logger('FileStorage')),
    },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
