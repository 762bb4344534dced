import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tahkim:public';

/** The route answers without a signed-in user (it may still use one when present). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
