import { Get, Module } from '@nestjs/common';
import { Public } from '../../src/editorial/public';
import { WebController } from '../../src/web/foundation/web-controller.decorator';
import { WebFoundationModule } from '../../src/web/foundation/web-foundation.module';

/** Internal text a failing page must never show. */
export const PAGE_INTERNAL_TEXT = "reading 'Volumes'";

/** A web page that fails as a bug would, for the test of the 500 page. */
@Public()
@WebController(':locale/test-failures')
class FailingPagesController {
  @Get('type-error')
  typeError(): unknown {
    const catalog = undefined as unknown as { Volumes: number };
    return catalog.Volumes; // TypeError: Cannot read properties of undefined (reading 'Volumes')
  }
}

@Module({ imports: [WebFoundationModule], controllers: [FailingPagesController] })
export class FailingPagesModule {}
