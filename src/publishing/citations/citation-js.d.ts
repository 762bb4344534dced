// citation-js ships no types; this covers the part of its API the citations use.
declare module '@citation-js/core' {
  /** A CSL-JSON item: https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html */
  export type CslData = Record<string, unknown>;

  /** One of the plugins' registries (styles, locales), keyed by name. */
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T;
  }

  interface CslPluginConfig {
    styles: Register<string>;
    locales: Register<string>;
  }

  interface BibtexPluginConfig {
    format: { asciiOnly: boolean; useIdAsLabel: boolean; checkLabel: boolean };
  }

  export const plugins: {
    config: {
      get(name: '@csl'): CslPluginConfig;
      get(name: '@bibtex'): BibtexPluginConfig;
    };
  };

  export class Cite {
    /** Parses anything a loaded plugin reads (CSL-JSON, BibTeX, RIS…), synchronously. */
    constructor(data?: unknown);
    /** The parsed items, as CSL-JSON. */
    data: CslData[];
    /** RIS as tag → value(s) objects, one per item, TY first. */
    format(format: 'ris', options: { format: 'object' }): Record<string, string | string[]>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}

// Plugins register themselves with the core when imported.
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';

// The Chicago Manual of Style 17th edition (author-date) style, as a JSON tree (CommonJS).
declare module 'style-chicago' {
  const style: import('./csl-xml').CslNode;
  export = style;
}
