import { Global, Module } from '@nestjs/common';
import { AuditEventRepository } from './audit-event.repository';
import { AuditLog } from './audit-log.service';
import { AuditController } from './audit.controller';

/** The audit log's writer and reader, for every feature of both processes. */
@Global()
@Module({
  providers: [AuditLog, AuditEventRepository],
  exports: [AuditLog],
})
export class AuditModule {}

/** The audit log's routes, in the API. */
@Module({
  controllers: [AuditController],
})
export class AuditApiModule {}
