/** The typesetting feature's public surface: what the rest of Tahkim may use of it. */
export { TypesettingModule } from './typesetting.module';
export { TypesettingWorkerModule } from './typesetting-worker.module';
export { TypesettingRuns } from './typesetting-runs.service';
export { typesettingProblems } from './typesetting.problems';
export type {
  TypesettingOutput,
  TypesettingRun,
  TypesettingScope,
  TypesettingStatus,
} from './entities/typesetting-run.entity';
