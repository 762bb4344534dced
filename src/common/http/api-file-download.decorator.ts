import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** A file's body in OpenAPI: bytes, whatever its media type. */
const BINARY = { type: 'string', format: 'binary' } as const;

export interface ApiFileDownloadOptions {
  description: string;
  /** Every media type the route may answer with: its Content-Type is one of them. */
  mediaTypes: readonly string[];
  /** False for a file shown in place (a cover image): no Content-Disposition. */
  attachment?: boolean;
}

/**
 * OpenAPI for a route that answers with a file (a FileDownload, which the edge streams, or a
 * StreamableFile): a 200 whose body is binary in each of its media types, and, for an
 * attachment, its Content-Disposition.
 */
export const ApiFileDownload = ({
  description,
  mediaTypes,
  attachment = true,
}: ApiFileDownloadOptions) =>
  applyDecorators(
    ApiProduces(...mediaTypes),
    ApiOkResponse({
      description,
      content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: BINARY }])),
      ...(attachment && {
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="…"; filename*=UTF-8\'\'… (RFC 6266)',
            schema: { type: 'string' },
          },
        },
      }),
    }),
  );
