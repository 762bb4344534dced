import { Logger as NestLogger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { correlationId } from './common/http/correlation-id.middleware';
import { ProblemDetailsFilter, sendProblem } from './common/http/problem-details.filter';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/app-config';

/**
 * Builds the HTTP API with every convention applied (used by main.ts and by the e2e tests, so
 * tests exercise exactly what production runs).
 */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    // Throw instead of exiting, so a wiring error fails a test with its message.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(correlationId);
  app.use(helmet());
  app.use(cookieParser());
  app.enableCors({ origin: config.CORS_ORIGINS, credentials: true });
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  // Body-parser fails before Nest routing: answer its errors in the same problem+json shape.
  const problemLogger = new NestLogger('HTTP');
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) =>
    error ? sendProblem(error, request, response, problemLogger) : next(),
  );
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tahkim API')
      .setDescription('Peer-reviewed journal management. Errors are RFC 9457 problem details.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
