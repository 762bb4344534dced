/**
 * What Jest loads for `node-fetch`. citation-js (the article citations) requires node-fetch 3,
 * an ES module: Node ≥ 20.19 loads it with require(), Jest's module runtime cannot (before Node
 * 24.9). Node's own fetch has the same API, so the tests get it under that name
 * (`moduleNameMapper` in jest.config.js). Nothing in Tahkim fetches through it.
 */
export default globalThis.fetch;
export const { Headers, Request, Response } = globalThis;
