import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { projectRoot } from '../../common/paths/project-root';
import type { AssetPipeline } from './assets';
import type { Messages } from './messages';
import { registerFormHelpers } from './form-helpers';
import { registerViewHelpers, type RenderData } from './view-helpers';

export const VIEWS_DIR = (): string => join(projectRoot(), 'templates', 'web');

/**
 * The web's Handlebars views, read and compiled once at start:
 * `layouts/<name>.hbs` (partial `layouts/<name>`), `partials/<name>.hbs` (partial `<name>`,
 * sub-folders kept: `issue/contents`) and `pages/<area>/<name>.hbs` (the view `<area>/<name>`).
 * A page fills its layout's holes with inline partials:
 *
 *   {{#> layouts/site}}
 *     {{#*inline "title"}}{{t "about.title"}}{{/inline}}
 *     {{#*inline "main"}}…{{/inline}}
 *   {{/layouts/site}}
 */
export class WebViews {
  private readonly engine = Handlebars.create();
  private readonly views = new Map<string, Handlebars.TemplateDelegate>();

  constructor(messages: Messages, assets: AssetPipeline, root = VIEWS_DIR()) {
    registerViewHelpers(this.engine, messages, assets);
    registerFormHelpers(this.engine, messages);
    for (const [name, source] of templatesIn(join(root, 'layouts')))
      this.engine.registerPartial(`layouts/${name}`, this.compiled(`layouts/${name}`, source));
    for (const [name, source] of templatesIn(join(root, 'partials')))
      this.engine.registerPartial(name, this.compiled(`partials/${name}`, source));
    for (const [name, source] of templatesIn(join(root, 'pages')))
      this.views.set(name, this.compiled(`pages/${name}`, source));
  }

  has(view: string): boolean {
    return this.views.has(view);
  }

  /** The page `view` rendered with `context`; `data` gives the helpers the page's language. */
  render(view: string, context: object, data: RenderData): string {
    const template = this.views.get(view);
    if (!template) throw new Error(`there is no web view "${view}" (templates/web/pages)`);
    return template(context, { data });
  }

  /** A template's syntax checked at start, so a broken one stops the app, not a page. */
  private compiled(name: string, source: string): Handlebars.TemplateDelegate {
    try {
      // preventIndent: a partial alone on its line would otherwise indent every line it writes,
      // a textarea's value included.
      return this.engine.compile(this.engine.parse(source), { preventIndent: true });
    } catch (error) {
      throw new Error(`templates/web/${name}.hbs: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** Every `.hbs` under a folder, named by its path without the extension. */
function templatesIn(dir: string, prefix = ''): [string, string][] {
  let entries;
  try {
    entries = readdirSync(join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry): [string, string][] => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return templatesIn(dir, name);
    return entry.name.endsWith('.hbs')
      ? [[name.slice(0, -'.hbs'.length), readFileSync(join(dir, name), 'utf8')]]
      : [];
  });
}
