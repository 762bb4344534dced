import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ProblemException } from '../http/problem.exception';

/** Query parameters of every list endpoint. */
export class CursorQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    description: 'Sort direction (each list documents its key)',
  })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 25;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface KeysetOrder<T> {
  /**
   * The sort keys of the query's main alias, most significant first; together unique (end
   * with `id`). `column` is the SQL column, `property` the entity property holding it.
   */
  keys: { property: keyof T & string; column: string }[];
  direction: 'ASC' | 'DESC';
}

const invalidCursor = () =>
  new ProblemException({
    status: 400,
    title: 'Bad Request',
    detail: 'The cursor is not valid for this list',
  });

function decode(cursor: string, arity: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through
  }
  throw invalidCursor();
}

function encode(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Keyset pagination: the page after a cursor is found with a row comparison on indexed
 * columns, so page 1000 costs what page 1 costs (OFFSET would scan everything before it).
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder<T>,
  { cursor, limit, order: requested }: { cursor?: string; limit: number; order?: 'asc' | 'desc' },
): Promise<Page<T>> {
  // The caller's order wins over the list's default; the cursor then continues in that order.
  if (requested) order = { ...order, direction: requested === 'asc' ? 'ASC' : 'DESC' };
  const alias = query.alias;
  for (const key of order.keys) query.addOrderBy(`${alias}.${key.property}`, order.direction);
  if (cursor) {
    const values = decode(cursor, order.keys.length);
    const operator = order.direction === 'DESC' ? '<' : '>';
    const columns = order.keys.map((key) => `${alias}.${key.column}`).join(', ');
    const slots = values.map((_, index) => `:keyset${index}`).join(', ');
    const params = Object.fromEntries(values.map((value, index) => [`keyset${index}`, value]));
    query.andWhere(`(${columns}) ${operator} (${slots})`, params);
  }
  const rows = await query.take(limit + 1).getMany();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encode(order.keys.map((key) => serialise(last[key.property])))
      : null;
  return { items, nextCursor };
}

function serialise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
