import { Controller, Get, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../../src/editorial/public';

/** Internal text that must never reach a client: each route below fails with some of it. */
export const INTERNAL_TEXT = {
  typeError: "reading 'Pages'",
  statusError: 'ENOENT: /srv/tahkim/var/files/ab/cd',
  table: 'leak_probe',
  value: 'secret-probe-value',
} as const;

/** Routes that fail the way a bug or a library would, for the tests of problem answers. */
@Controller('test/failures')
export class FailingRoutesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get('type-error')
  typeError(): unknown {
    const catalog = undefined as unknown as { Pages: number };
    return catalog.Pages; // TypeError: Cannot read properties of undefined (reading 'Pages')
  }

  @Public()
  @Get('library-error-with-status')
  libraryErrorWithStatus(): never {
    // Some libraries put an HTTP status on their errors; their message is still not for users.
    throw Object.assign(new Error(`cannot open ${INTERNAL_TEXT.statusError}`), { status: 404 });
  }

  @Public()
  @Get('unique-violation')
  async uniqueViolation(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `CREATE TEMP TABLE ${INTERNAL_TEXT.table} (name text PRIMARY KEY) ON COMMIT DROP`,
      );
      await manager.query(`INSERT INTO ${INTERNAL_TEXT.table} VALUES ($1), ($1)`, [
        INTERNAL_TEXT.value,
      ]);
    });
  }
}

@Module({ controllers: [FailingRoutesController] })
export class FailingRoutesModule {}
