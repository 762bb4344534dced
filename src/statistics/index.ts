/** The statistics feature's public surface. */
export { StatisticsModule } from './statistics.module';
