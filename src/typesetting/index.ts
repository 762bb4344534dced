/** The typesetting feature's public surface: what the rest of Tahkim may use of it. */
export { TypesettingModule } from './typesetting.module';
export { TypesettingWorkerModule } from './typesetting-worker.module';
