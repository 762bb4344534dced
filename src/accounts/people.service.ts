import { Injectable } from '@nestjs/common';
import { normalizeEmail } from './auth.service';
import type { User, UserStatus } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * How the other features read people, instead of querying the `users` table: by id, by ids, by
 * address, in the caller's transaction when there is one.
 */
@Injectable()
export class People {
  constructor(private readonly users: UsersRepository) {}

  byId(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  /** The accounts of `ids` (in no particular order), only those of `statuses` when given. */
  byIds(ids: readonly string[], statuses?: readonly UserStatus[]): Promise<User[]> {
    return this.users.findByIds([...new Set(ids)], statuses);
  }

  /** The account of an address, however it is written (case, spaces). */
  byEmail(email: string, statuses?: readonly UserStatus[]): Promise<User | null> {
    return this.users.findByEmail(normalizeEmail(email), statuses);
  }
}
