import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import type { AnyResource, CommandInput, ResourceCommand } from './resource-definition';
import { withAllowedActions, type RecordWithActions } from './with-allowed-actions';

/** The command by its URL name, or NOT_FOUND for a name the resource does not have. */
export function resourceCommand(resource: AnyResource, name: string): ResourceCommand {
  const command = resource.commands && Object.hasOwn(resource.commands, name) ? resource.commands[name] : undefined;
  if (!command) throw new DomainError('NOT_FOUND', `${resource.label}没有「${name}」操作`);
  return command;
}

/**
 * POST /api/admin/<resource>/<id>/<command>: every back-office command goes through here, so each answers
 * the same way — the record as it now is, with what may be done to it next.
 */
export async function runCommand(
  db: Kysely<Database>,
  actor: Actor,
  resource: AnyResource,
  id: string,
  name: string,
  input: CommandInput,
): Promise<RecordWithActions> {
  requireWriter(actor);
  const row = await resourceCommand(resource, name).run(db, actor, id, input);
  return withAllowedActions(resource, actor, row);
}
