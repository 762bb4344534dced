import { Module } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { TypesetJob } from './jobs/typeset.job';
import { TypesettingProcessor } from './typesetting.processor';
import { TypesettingRuns } from './typesetting-runs.service';
import { TypstEngineHost } from './typst-engine.host';

/** The worker's half of typesetting: the Typst engine and the job that runs each request. */
// AuditLog, not AuditModule: that module brings the API's audit controller and its guards.
@Module({
  providers: [AuditLog, TypstEngineHost, TypesetJob, TypesettingRuns, TypesettingProcessor],
})
export class TypesettingWorkerModule {}
