import { Injectable } from '@nestjs/common';
import { TypstEngine } from './pdf/typst-engine';

/**
 * The worker's one Typst engine, made on first use: fonts are parsed once per process, and the
 * API process, which never typesets, never loads them.
 */
@Injectable()
export class TypstEngineHost {
  private instance: TypstEngine | undefined;

  get engine(): TypstEngine {
    this.instance ??= new TypstEngine();
    return this.instance;
  }
}
