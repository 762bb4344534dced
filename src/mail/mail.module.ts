import { Global, Module } from '@nestjs/common';
import { EmailRenderer } from './email-renderer.service';
import { MailTransport } from './mail-transport.service';

@Global()
@Module({
  providers: [{ provide: EmailRenderer, useFactory: () => new EmailRenderer() }, MailTransport],
  exports: [EmailRenderer, MailTransport],
})
export class MailModule {}
