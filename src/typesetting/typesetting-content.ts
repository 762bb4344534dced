import { Injectable, type OnModuleInit } from '@nestjs/common';
import { StoredContent } from '../editorial/stored-content';
import { TypesettingRunsRepository } from './typesetting-runs.repository';

/**
 * Typesetting runs hold stored content (the files they made, which later runs may reuse):
 * registered with the stored-content registry at start, in both processes.
 */
@Injectable()
export class TypesettingContent implements OnModuleInit {
  constructor(
    private readonly stored: StoredContent,
    private readonly runs: TypesettingRunsRepository,
  ) {}

  onModuleInit(): void {
    this.stored.register('typesetting', (key) => this.runs.holds(key));
  }
}
