import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

/** The DataSource the TypeORM CLI uses (`npm run migrate`, `npm run migration:generate`). */
export default new DataSource(databaseOptions(loadConfig().DATABASE_URL));
