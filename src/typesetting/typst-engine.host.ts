import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ArticleCutter } from './pdf/article-cutter';
import { TypstEngine } from './pdf/typst-engine';
import type { Typesetters } from './typesetter';

/**
 * The process's one Typst engine and one PDF-cutting thread, each made on first use: fonts are
 * parsed once per process, and the API process, which only makes certificates, never starts
 * the thread.
 */
@Injectable()
export class TypstEngineHost implements Typesetters, OnApplicationShutdown {
  private instance: TypstEngine | undefined;
  private articleCutter: ArticleCutter | undefined;

  get engine(): TypstEngine {
    this.instance ??= new TypstEngine();
    return this.instance;
  }

  get cutter(): ArticleCutter {
    this.articleCutter ??= new ArticleCutter();
    return this.articleCutter;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.articleCutter?.close();
  }
}
