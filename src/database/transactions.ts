import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The one transaction host: the ambient transaction of the call, or none. */
export type Transactions = TransactionHost<TransactionalAdapterTypeOrm>;

/**
 * What every repository stands on: `this.db` is the EntityManager of the transaction the call
 * runs in (started by a service with `@Transactional()` or `transactions.withTransaction`), or
 * the plain connection pool outside one. Repositories never start transactions themselves; the
 * service that owns the rule does.
 */
@Injectable()
export abstract class Repository {
  constructor(protected readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>) {}

  protected get db(): EntityManager {
    return this.transactions.tx;
  }
}

/**
 * Runs `work` in a transaction that is also the ambient one: code that takes the manager and
 * code that reads the transaction host (repositories, the outbox, the audit log) write in the
 * same transaction. Inside an active transaction it joins it.
 */
export function inTransaction<T>(
  transactions: Transactions,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return transactions.withTransaction(() => work(transactions.tx));
}
