import { Injectable } from '@nestjs/common';
import { searchDocumentOf } from './search-document';
import { SearchDocumentsRepository } from './search-documents.repository';

/**
 * Keeps the public search in step with the public record: called by whatever changes what is
 * published (an issue published or taken back, a correction published), in that change's
 * transaction, so the search never shows an article that is not published, nor misses one
 * that is. Retractions need nothing: a retracted article stays published, marked.
 */
@Injectable()
export class SearchIndex {
  constructor(private readonly documents: SearchDocumentsRepository) {}

  /**
   * Makes each article's document say what is published of it now: its newest published
   * version in a published issue, or no document at all. Idempotent.
   */
  async refresh(submissionIds: string[]): Promise<void> {
    const ids = [...new Set(submissionIds)];
    if (ids.length === 0) return;
    const published = await this.documents.publishedArticles(ids);
    await this.documents.write(
      published.map(({ metadata, contributors, ...article }) => ({
        ...article,
        ...searchDocumentOf({ metadata, contributors }),
      })),
    );
    const indexed = new Set(published.map((article) => article.submissionId));
    await this.documents.remove(ids.filter((id) => !indexed.has(id)));
  }
}
