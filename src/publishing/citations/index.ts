/** How to cite a published article, and the metadata indexers read on its page. */
export { toCitableArticle, type ArticleAddresses } from './citable-article';
export { formatCitations, warmCitationStyles, type FormattedCitation } from './citation-formats';
export { citationDownload } from './citation-downloads';
export {
  articleHeadLinks,
  scholarlyMetaTags,
  type HeadLink,
  type HeadMeta,
} from './scholarly-meta';
export { jsonLdScript, scholarlyArticleJsonLd } from './json-ld';
