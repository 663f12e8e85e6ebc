import { sql, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { refusalOf, type Lifecycle } from './lifecycle';

/** The tables whose rows have a lifecycle: each has a `status`, and an `id` unless the request names its key. */
export type LifecycleTable = { [T in keyof Database]: Database[T] extends { status: unknown } ? T : never }[keyof Database];

export interface TransitionRequest<A extends string> {
  id: string | number;
  /** The column `id` is the value of, when the table's key is not `id` (policy_document_jobs: its policy_id). */
  key?: string;
  action: A;
  /** The other columns the change writes (who reviewed it, when), in the same statement. */
  set?: Record<string, unknown>;
  /**
   * The record's own history, written in the same statement: an INSERT … SELECT reading the changed row
   * from `changed` (its columns, and `from_status`). Orders write order_events this way.
   */
  history?: RawBuilder<unknown>;
}

export type Transitioned<T extends LifecycleTable, S extends string> = Selectable<Database[T]> & { from_status: S };

/**
 * The one way a status column is written: locks the row, changes it only from a state the action allows,
 * and says which state it came from — one statement, since a payment makes two of these
 * in the transaction a bank's notification waits for. A refused action changes nothing and throws
 * TransitionRefused with the record's current state; a record that does not exist is NOT_FOUND.
 * An action without `to` checks the state and writes only `set` (修改投保信息 while 待支付).
 *
 * The lock is FOR NO KEY UPDATE: two changes of one record are taken one after the other, but a row that
 * only references it (a decision logged against a rule version being archived, an order's event) is not
 * held up until the change commits, as it would be behind FOR UPDATE.
 */
export async function transition<T extends LifecycleTable, S extends string, A extends string>(
  trx: Transaction<Database>,
  table: T,
  lifecycle: Lifecycle<S, A>,
  request: TransitionRequest<A>,
): Promise<Transitioned<T, S>> {
  const action = lifecycle.actions[request.action];
  const assignments = [
    ...(action.to ? [sql`status = ${action.to}`] : []),
    ...Object.entries(request.set ?? {}).map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
  ];
  if (!assignments.length) throw new Error(`${lifecycle.noun}.${request.action}: nothing to write`);
  const target = sql.table(table);
  const key = request.key ?? 'id';
  const { rows } = await sql<Transitioned<T, S> & { current_status: S }>`
    with locked as (
      select ${sql.ref(key)}, status from ${target} where ${sql.ref(key)} = ${request.id} for no key update
    ), changed as (
      update ${target} as target set ${sql.join(assignments)}
        from locked
       where ${sql.ref(`target.${key}`)} = ${sql.ref(`locked.${key}`)} and locked.status in (${sql.join(action.from.map((state) => sql`${state}`))})
      returning target.*, locked.status as from_status
    )${request.history ? sql`, history as (${request.history})` : sql``}
    select changed.*, locked.status as current_status from locked left join changed on true`.execute(trx);
  const [row] = rows;
  if (!row) throw new DomainError('NOT_FOUND', `${lifecycle.noun}不存在或您无权查看`);
  if (row.from_status == null) throw refusalOf(lifecycle, request.action, row.current_status);
  const { current_status: _current, ...changed } = row;
  return changed as unknown as Transitioned<T, S>;
}

/**
 * Locks the row and checks the action is possible from its state, writing nothing: for a use case that
 * must decide more (rules, other records) before it changes the state in the same transaction.
 */
export async function lockForAction<T extends LifecycleTable, S extends string, A extends string>(
  trx: Transaction<Database>,
  table: T,
  lifecycle: Lifecycle<S, A>,
  id: string | number,
  action: A,
  key = 'id',
): Promise<Selectable<Database[T]>> {
  const { rows } = await sql<Selectable<Database[T]> & { status: S }>`select * from ${sql.table(table)} where ${sql.ref(key)} = ${id} for no key update`.execute(trx);
  const [row] = rows;
  if (!row) throw new DomainError('NOT_FOUND', `${lifecycle.noun}不存在或您无权查看`);
  if (!lifecycle.actions[action].from.includes(row.status)) throw refusalOf(lifecycle, action, row.status);
  return row;
}
