import type { NestExpressApplication } from '@nestjs/platform-express';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import { createApi } from '../src/api.bootstrap';
import { registeredProblems } from '../src/common/problems/problem-registry';
import { createTestEnvironment, type TestEnvironment } from './support/test-environment';

/** The parts of an OpenAPI 3.0 document this test reads. */
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface MediaType {
  schema?: Schema;
}
interface Response {
  content?: Record<string, MediaType>;
  headers?: Record<string, { schema?: Schema }>;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }>;
  components: { schemas: Record<string, Schema> };
  'x-problem-types'?: {
    type: string;
    status: number | number[];
    title: Record<string, string>;
    owner: string;
  }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const COMBINATIONS = ['allOf', 'oneOf', 'anyOf'] as const;
const isJson = (mediaType: string) => /^application\/(.+\+)?json$/.test(mediaType);

/**
 * Walks /api/docs-json and fails, naming the operation or the schema, on anything a client
 * could not rely on: a success without a documented body, a path parameter not declared, a
 * field without a type or an object without a shape, a dangling $ref, an operation without a
 * summary, a problem type missing or untitled in a language.
 */
describe('The OpenAPI document', () => {
  let env: TestEnvironment;
  let app: NestExpressApplication;
  let document: Document;

  beforeAll(async () => {
    env = await createTestEnvironment();
    app = await createApi(env.config);
    await app.init();
    document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  /** Every operation, as `GET /api/…`, with the parameters of its path merged in. */
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${path}`,
        path,
        operation: item[method],
        parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])],
      })),
    );

  /** What is wrong with a schema and everything nested in it, each named by where it is. */
  const schemaProblems = (where: string, schema: Schema | undefined): string[] => {
    if (!schema || typeof schema !== 'object') return [`${where}: no schema`];
    if (schema.$ref) return [];
    const problems: string[] = [];
    const combined = COMBINATIONS.some((key) => schema[key]?.length);
    if (!schema.type && !combined && !schema.enum)
      problems.push(`${where}: no type, $ref, allOf/oneOf/anyOf or enum`);
    if (schema.type === 'object') {
      const shaped =
        Object.keys(schema.properties ?? {}).length > 0 ||
        schema.additionalProperties !== undefined ||
        combined;
      if (!shaped)
        problems.push(`${where}: an object without properties, additionalProperties or $ref`);
      if (schema.additionalProperties === true && !schema.description)
        problems.push(`${where}: a free-form map without a description of its values`);
    }
    if (schema.type === 'array') problems.push(...schemaProblems(`${where}[]`, schema.items));
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      problems.push(...schemaProblems(`${where}.${name}`, property));
    if (typeof schema.additionalProperties === 'object')
      problems.push(...schemaProblems(`${where}{}`, schema.additionalProperties));
    for (const key of COMBINATIONS)
      schema[key]?.forEach((part, index) =>
        problems.push(...schemaProblems(`${where}.${key}[${index}]`, part)),
      );
    return problems;
  };

  it('documents the success body of every operation (JSON schema, binary file, or 204)', () => {
    const undocumented = operations().flatMap(({ name, operation }) => {
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) =>
        /^2\d\d$/.test(status),
      );
      if (successes.length === 0) return [`${name}: no 2xx response`];
      return successes.flatMap(([status, response]) => {
        const content = Object.entries(response.content ?? {});
        if (status === '204')
          return content.length ? [`${name} 204: a No Content response with a body`] : [];
        if (content.length === 0) return [`${name} ${status}: no content schema`];
        return content.flatMap(([mediaType, { schema }]) => {
          if (!schema) return [`${name} ${status} ${mediaType}: no schema`];
          if (mediaType.includes('*'))
            return [`${name} ${status} ${mediaType}: a wildcard, not the media types it sends`];
          // A file or a document of another type: its body is a string of bytes (or text).
          if (!isJson(mediaType) && schema.type !== 'string')
            return [`${name} ${status} ${mediaType}: not documented as binary`];
          if (isJson(mediaType) && schema.format === 'binary')
            return [`${name} ${status}: a binary body documented as JSON`];
          return [];
        });
      });
    });
    expect(undocumented).toEqual([]);
  });

  it('declares every path parameter, and only those', () => {
    const wrong = operations().flatMap(({ name, path, parameters }) => {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const declared = parameters.filter((parameter) => parameter.in === 'path');
      return [
        ...inPath
          .filter((param) => !declared.some((parameter) => parameter.name === param))
          .map((param) => `${name}: {${param}} is not declared`),
        ...declared
          .filter((parameter) => !inPath.includes(parameter.name))
          .map((parameter) => `${name}: declares ${parameter.name}, which is not in the path`),
        ...declared
          .filter((parameter) => !parameter.required)
          .map((parameter) => `${name}: path parameter ${parameter.name} is not required`),
      ];
    });
    expect(wrong).toEqual([]);
  });

  it('gives every operation a summary', () => {
    const missing = operations()
      .filter(({ operation }) => !operation.summary?.trim())
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('types every schema, property and parameter', () => {
    const problems = [
      ...Object.entries(document.components.schemas).flatMap(([name, schema]) =>
        schemaProblems(name, schema),
      ),
      ...operations().flatMap(({ name, operation, parameters }) => [
        ...parameters.flatMap((parameter) =>
          schemaProblems(`${name} ${parameter.in} parameter ${parameter.name}`, parameter.schema),
        ),
        ...Object.entries(operation.requestBody?.content ?? {}).flatMap(([mediaType, body]) =>
          schemaProblems(`${name} request ${mediaType}`, body.schema),
        ),
        ...Object.entries(operation.responses ?? {}).flatMap(([status, response]) => [
          ...Object.entries(response.content ?? {}).flatMap(([mediaType, body]) =>
            schemaProblems(`${name} ${status} ${mediaType}`, body.schema),
          ),
          ...Object.entries(response.headers ?? {}).flatMap(([header, { schema }]) =>
            schemaProblems(`${name} ${status} header ${header}`, schema),
          ),
        ]),
      ]),
    ];
    expect(problems).toEqual([]);
  });

  it('has no $ref to a schema that does not exist', () => {
    const dangling: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${where}[${index}]`));
      else if (node && typeof node === 'object')
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') {
            const name = value.match(/^#\/components\/schemas\/(.+)$/)?.[1];
            if (!name || !document.components.schemas[name]) dangling.push(`${where}: ${value}`);
          } else visit(value, `${where}/${key}`);
        }
    };
    visit(document, '#');
    expect(dangling).toEqual([]);
  });

  it('lists every registered problem type with its status and its titles in ar, en and fr', () => {
    const registered = registeredProblems();
    expect(registered.length).toBeGreaterThan(0);
    const listed = document['x-problem-types'] ?? [];
    const wrong = registered.flatMap((problem) => {
      const entry = listed.find((candidate) => candidate.type === problem.type);
      if (!entry) return [`${problem.type}: not in x-problem-types`];
      return [
        // A status, or the list of those it is answered with.
        ...(isDeepStrictEqual(entry.status, problem.status)
          ? []
          : [`${problem.type}: status ${JSON.stringify(entry.status)}`]),
        ...(['ar', 'en', 'fr'] as const)
          .filter(
            (locale) => typeof entry.title?.[locale] !== 'string' || !entry.title[locale].trim(),
          )
          .map((locale) => `${problem.type}: no ${locale} title`),
      ];
    });
    expect(wrong).toEqual([]);
    // Nothing listed that is not registered, and the Problem schema names the same types.
    expect(listed.map((entry) => entry.type).sort()).toEqual(
      registered.map((problem) => problem.type).sort(),
    );
    expect(document.components.schemas.Problem.properties?.type.enum).toEqual(
      expect.arrayContaining(registered.map((problem) => problem.type)),
    );
  });
});
