import type { Page } from 'playwright-core';

/** An element of a parsed XML document, as the browser's XML parser read it. */
export interface XmlNode {
  name: string;
  ns: string | null;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** The little of the browser's window parseXml calls (the project compiles without the DOM). */
interface DomElement {
  localName: string;
  namespaceURI: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  children: ArrayLike<DomElement>;
  textContent: string | null;
  getElementsByTagName(name: string): ArrayLike<unknown>;
}
interface XmlWindow {
  DOMParser: new () => {
    parseFromString(xml: string, type: string): { documentElement: DomElement };
  };
}

/**
 * The document parsed by Chromium's XML parser (a real, strict one: a document that is not
 * well-formed gives a `parsererror`), as a tree of plain objects.
 */
export async function parseXml(page: Page, xml: string): Promise<XmlNode> {
  const tree = await page.evaluate((source) => {
    const { DOMParser } = globalThis as unknown as XmlWindow;
    const root = new DOMParser().parseFromString(source, 'application/xml').documentElement;
    if (root.localName === 'parsererror' || root.getElementsByTagName('parsererror').length)
      return { error: root.textContent ?? 'not well-formed' };
    const walk = (element: DomElement): XmlNode => ({
      name: element.localName,
      ns: element.namespaceURI,
      attributes: Object.fromEntries(
        Array.from(element.attributes).map((attribute) => [attribute.name, attribute.value]),
      ),
      text: element.children.length ? '' : (element.textContent ?? ''),
      children: Array.from(element.children).map(walk),
    });
    return walk(root);
  }, xml);
  if ('error' in tree) throw new Error(`the XML does not parse: ${tree.error}`);
  return tree;
}

export const childrenNamed = (node: XmlNode, name: string) =>
  node.children.filter((child) => child.name === name);
export const childNamed = (node: XmlNode, name: string) => childrenNamed(node, name)[0];
export const text = (node: XmlNode, name: string) => childNamed(node, name)?.text;
