import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every word (normalised) of every search document written so far: what a typed word is looked
 * up in by substring, through a trigram GIN index, to find the whole words that contain it
 * before the documents are looked up by those. Only grows; a word no document has any longer
 * finds nothing.
 */
@Entity('article_search_words')
@Index('article_search_words_word_unique', ['word'], { unique: true })
// A trigram GIN index over `word`, written by hand in the migration (TypeORM cannot declare one).
@Index('article_search_words_trigram_idx', { synchronize: false })
export class ArticleSearchWord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  word: string;
}
