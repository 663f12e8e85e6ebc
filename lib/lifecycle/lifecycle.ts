import { DomainError } from '@/lib/errors/domain-error';

/**
 * What one can do to a record, and in which states. An action with `to` changes the state (an edge of the
 * lifecycle); one without is allowed in those states and leaves the state as it is (修改投保信息).
 */
export interface LifecycleAction<S extends string> {
  /** The button's or the refusal's verb, in Chinese: 「审核通过」. */
  label: string;
  from: readonly S[];
  to?: S;
}

export interface LifecycleDefinition<S extends string, A extends string> {
  /** The record's noun in messages: 订单, 退保申请. */
  noun: string;
  /** Every state with its Chinese label, in the order the lifecycle is usually walked. */
  states: Record<S, string>;
  /** The states a record is created in. */
  initial: readonly S[];
  actions: Record<A, LifecycleAction<S>>;
  /**
   * The refusal a person reads when `action` is not possible from `current`; the default says the state
   * and the action (订单当前状态为「已取消」，不能申请退保).
   */
  refusal?(action: A, current: S): string | undefined;
}

export interface Lifecycle<S extends string, A extends string> extends LifecycleDefinition<S, A> {
  readonly stateNames: readonly S[];
  readonly actionNames: readonly A[];
}

/** A refused edge: a CONFLICT, because the record moved on (or never was) where the action applies. */
export class TransitionRefused extends DomainError {
  constructor(message: string, readonly action: string, readonly current: string) {
    super('CONFLICT', message);
    this.name = 'TransitionRefused';
  }
}

/** Checks the definition once, when the module loads: an edge to a state that does not exist is a typo. */
export function defineLifecycle<S extends string, A extends string>(definition: LifecycleDefinition<S, A>): Lifecycle<S, A> {
  const stateNames = Object.keys(definition.states) as S[];
  const actionNames = Object.keys(definition.actions) as A[];
  const known = new Set<string>(stateNames);
  for (const state of definition.initial) if (!known.has(state)) throw new Error(`${definition.noun}: unknown initial state ${state}`);
  for (const name of actionNames) {
    const action = definition.actions[name];
    for (const state of [...action.from, ...(action.to ? [action.to] : [])]) {
      if (!known.has(state)) throw new Error(`${definition.noun}.${name}: unknown state ${state}`);
    }
  }
  return Object.freeze({ ...definition, stateNames, actionNames });
}

export function canTake<S extends string, A extends string>(lifecycle: Lifecycle<S, A>, action: A, current: S): boolean {
  return lifecycle.actions[action].from.includes(current);
}

/** The actions possible from a state, in the order the lifecycle declares them. */
export function actionsFrom<S extends string, A extends string>(lifecycle: Lifecycle<S, A>, current: S): A[] {
  return lifecycle.actionNames.filter((name) => canTake(lifecycle, name, current));
}

export function refusalOf<S extends string, A extends string>(lifecycle: Lifecycle<S, A>, action: A, current: S): TransitionRefused {
  const message =
    lifecycle.refusal?.(action, current) ??
    `${lifecycle.noun}当前状态为「${lifecycle.states[current]}」，不能${lifecycle.actions[action].label}`;
  return new TransitionRefused(message, action, current);
}

/** For a use case that checks before it writes (or an action that changes no state). */
export function assertCanTake<S extends string, A extends string>(lifecycle: Lifecycle<S, A>, action: A, current: S): void {
  if (!canTake(lifecycle, action, current)) throw refusalOf(lifecycle, action, current);
}
