import { Injectable } from '@nestjs/common';
import type { Actor } from '../request-context';

/**
 * What one feature tells the others happened, instead of reaching into them: a withdrawal does
 * not release reviews itself, it says the submission was withdrawn and the reviews feature
 * releases its assignments.
 */
export type DomainEvent =
  | { name: 'submission.withdrawn'; submissionId: string; actor: Actor }
  | { name: 'submission.accepted'; submissionId: string; actor: Actor }
  /** An account was deleted (anonymised in place): what hangs off the person goes. */
  | { name: 'account.deleted'; userId: string; actor: Actor };

type Handler<E extends DomainEvent> = (event: E) => Promise<void>;
type Named<N extends DomainEvent['name']> = Extract<DomainEvent, { name: N }>;

/**
 * An in-process bus whose handlers run one after another inside the publisher's transaction:
 * what they change commits or rolls back with what caused it. A handler's failure fails the
 * publisher; nothing is swallowed.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEvent['name'], Handler<DomainEvent>[]>();

  on<N extends DomainEvent['name']>(name: N, handler: Handler<Named<N>>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<DomainEvent>);
    this.handlers.set(name, list);
  }

  async publish(event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.name) ?? []) await handler(event);
  }
}
