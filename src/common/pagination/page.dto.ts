import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from './cursor-page';

/** The OpenAPI shape of a page of `item`s: `{ items, nextCursor }`, named `<Item>Page`. */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  class PageOfItems {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` to get the next page; null on the last page',
    })
    nextCursor: string | null;
  }
  Object.defineProperty(PageOfItems, 'name', {
    value: `${item.name.replace(/Response$/, '')}Page`,
  });
  return PageOfItems;
}

/** A page with each item turned into its response by `map`. */
export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}
