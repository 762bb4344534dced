import { type DynamicModule, Logger as NestLogger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { correlationId } from './common/http/correlation-id.middleware';
import { FileDownloadInterceptor } from './common/http/file-download.interceptor';
import { buildOpenApiDocument } from './common/http/openapi';
import { refuseHostileInput, requireUtf8Body } from './common/http/hostile-input';
import { ProblemDetailsFilter, sendProblem } from './common/http/problem-details.filter';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/app-config';
import { AssetPipeline } from './web/foundation/assets';
import { siteHelmetOptions } from './web/foundation/content-security-policy';
import { FrontPageCache, serveFrontPages } from './web/foundation/front-page-cache';
import { WebErrorPages } from './web/foundation/error-pages';
import { answerOversizedPageRequests } from './web/foundation/oversized-requests';
import { serveAssets } from './web/foundation/serve-assets';
import { PUBLIC_PAGE_CACHE } from './web/foundation/web-page.interceptor';
import { WEB_ROUTES } from './web/web-routes';

export interface CreateApiOptions {
  /** Modules added next to AppModule's own: a test's routes (e.g. one that fails on purpose). */
  imports?: DynamicModule['imports'];
}

/**
 * Builds the HTTP API with every convention applied (used by main.ts and by the e2e tests, so
 * tests exercise exactly what production runs).
 */
export async function createApi(
  config: AppConfig,
  options: CreateApiOptions = {},
): Promise<NestExpressApplication> {
  const root = AppModule.forRoot(config);
  const module = options.imports?.length
    ? { ...root, imports: [...(root.imports ?? []), ...options.imports] }
    : root;
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    bufferLogs: true,
    // Throw instead of exiting, so a wiring error fails a test with its message.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(correlationId);
  app.use(helmet(siteHelmetOptions(config.PUBLIC_URL)));
  // Swagger UI's page has inline styles: it keeps helmet's default policy.
  app.use('/api/docs', helmet.contentSecurityPolicy());
  // The web's CSS, scripts and fonts, from memory, before any guard or body parser.
  app.use(serveAssets(app.get(AssetPipeline)));
  // Public pages already rendered for signed-out visitors, while what they show is current.
  app.use(serveFrontPages(app.get(FrontPageCache), PUBLIC_PAGE_CACHE));
  app.use(cookieParser());
  app.enableCors({ origin: config.CORS_ORIGINS, credentials: true });
  app.useBodyParser('json', { limit: config.BODY_LIMIT, verify: requireUtf8Body });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  // Before routing and the validation pipe: NUL, lone surrogates, nesting too deep.
  app.use(refuseHostileInput);
  // Browsers asking for a page get a problem as an HTML page in their language.
  const errorPage = app.get(WebErrorPages).render;
  // A search typed too long for Node's header limit: the 400 page, not a bare 431.
  answerOversizedPageRequests(app.getHttpServer(), app.get(WebErrorPages));
  // Body-parser fails before Nest routing: answer its errors in the same problem+json shape.
  const problemLogger = new NestLogger('HTTP');
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) =>
    error ? sendProblem(error, request, response, problemLogger, errorPage) : next(),
  );
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      // The web pages: /, /{locale}/…
      ...WEB_ROUTES,
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(errorPage));
  app.useGlobalInterceptors(new FileDownloadInterceptor());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
