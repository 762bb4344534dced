import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from '../database/transactions';
import { User, type UserStatus } from './user.entity';

/** The `users` table: accounts, read and written in the ambient transaction. */
@Injectable()
export class UsersRepository extends Repository {
  findById(id: string): Promise<User | null> {
    return this.db.findOneBy(User, { id });
  }

  findByIdOrFail(id: string): Promise<User> {
    return this.db.findOneByOrFail(User, { id });
  }

  /** The accounts of `ids` (in no particular order), only those of `statuses` when given. */
  findByIds(ids: readonly string[], statuses?: readonly UserStatus[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.findBy(User, {
      id: In([...ids]),
      ...(statuses ? { status: In([...statuses]) } : {}),
    });
  }

  /** The account of a normalised address, only of `statuses` when given. */
  findByEmail(email: string, statuses?: readonly UserStatus[]): Promise<User | null> {
    return this.db.findOneBy(User, {
      email,
      ...(statuses ? { status: In([...statuses]) } : {}),
    });
  }

  /** The account with its password hash (never selected otherwise), for signing in. */
  findWithPasswordHash(email: string): Promise<User | null> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const stored = await this.db
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id })
      .getOneOrFail();
    return stored.passwordHash;
  }

  insert(values: Partial<User>): Promise<User> {
    return this.db.save(this.db.create(User, values));
  }

  async update(id: string, changes: QueryDeepPartialEntity<User>): Promise<void> {
    await this.db.update(User, { id }, changes);
  }

  /** Marks the address confirmed, unless it already was (the first confirmation stays). */
  async markEmailVerified(id: string): Promise<void> {
    await this.db.update(User, { id, emailVerifiedAt: IsNull() }, { emailVerifiedAt: new Date() });
  }

  /**
   * Deletes an account by anonymising it in place: no personal data remains, while ids that
   * published work refers to stay valid.
   */
  async anonymise(id: string): Promise<void> {
    await this.db.update(
      User,
      { id },
      {
        email: `deleted-${id}@deleted.invalid`,
        status: 'deleted',
        passwordHash: null,
        names: {},
        affiliation: null,
        rorId: null,
        country: null,
        orcid: null,
        bio: null,
        reviewInterests: [],
        availableForReview: false,
        isSiteAdmin: false,
        deletedAt: new Date(),
      },
    );
  }
}
