import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { registeredProblems } from '../problems/problem-registry';

/**
 * The OpenAPI document of the API, with every registered problem type in it: the `Problem`
 * schema (RFC 9457) whose `type` lists them, and `x-problem-types` giving each one's status and
 * titles in Arabic, English and French, so that a client knows every answer it may get.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tahkim API')
      .setDescription(
        'Peer-reviewed journal management. Errors are RFC 9457 problem details (application/problem+json); their types are listed in `x-problem-types` and the `Problem` schema.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  const problems = registeredProblems();
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem = {
    type: 'object',
    description: 'An error, as RFC 9457 problem details',
    required: ['type', 'title', 'status'],
    properties: {
      type: {
        type: 'string',
        description: 'What kind of problem it is (see x-problem-types); about:blank for a 500',
        enum: [...problems.map((problem) => problem.type), 'about:blank'],
      },
      title: { type: 'string', description: 'The type’s title, in English' },
      status: { type: 'integer' },
      detail: { type: 'string', description: 'What went wrong this time, for a person' },
      instance: { type: 'string' },
      correlationId: { type: 'string', description: 'Also the X-Request-Id header' },
    },
    additionalProperties: true,
  };
  (document as OpenAPIObject & { 'x-problem-types': unknown })['x-problem-types'] = problems.map(
    ({ type, status, title, owner }) => ({ type, status, title, owner }),
  );
  return document;
}
