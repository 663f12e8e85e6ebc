import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import type { RegionScope } from '@/lib/auth/authorize';
import type { Upload } from '@/lib/http/read-upload';
import type { ListParams } from './list-params';

/** Every back-office record knows its region: that is what authorization is decided on. */
export interface RegionalRecord {
  id: string | number;
  region_id: string | null;
}

export interface ListResult<Row> {
  rows: Row[];
  total: number;
}

/**
 * What a back-office resource (insurers, products, …) supplies: its queries and its input schemas.
 * Authorization, validation, transactions and the audit chain are the same for all of them and live
 * in the use cases beside this file.
 */
export interface ResourceDefinition<Row extends RegionalRecord = RegionalRecord, Create = unknown, Update = unknown> {
  /** The URL segment, as react-admin names the resource. */
  name: string;
  /** Singular noun used in audit actions (`insurer.create`) and messages. */
  entityType: string;
  label: string;
  idSchema: z.ZodType<string | number>;
  defaultSort: string;
  list(db: Kysely<Database>, scope: RegionScope, params: ListParams): Promise<ListResult<Row>>;
  /**
   * One record by id. `scope` is the reader's region scope, for records that aggregate over regions
   * (most resources ignore it: their record has one region, checked by the caller).
   */
  findById(db: Kysely<Database> | Transaction<Database>, id: string | number, scope: RegionScope): Promise<Row | undefined>;
  create?: {
    schema: z.ZodType<Create, unknown>;
    /** The region the new record will belong to; undefined when what it points to does not exist. */
    regionOf(db: Transaction<Database>, input: Create): Promise<string | null | undefined>;
    insert(trx: Transaction<Database>, input: Create, actor: Actor): Promise<Row>;
    /**
     * What the audit chain keeps of the new record, when the answer holds something it must never keep
     * (a temporary password shown once); by default the record as inserted.
     */
    auditAfter?(row: Row): unknown;
  };
  update?: {
    schema: z.ZodType<Update & { reason?: string }, unknown>;
    /** Names the change that needs a reason in the audit chain, if this update makes one. */
    reasonRequiredFor?(existing: Row, input: Update): string | null;
    apply(trx: Transaction<Database>, existing: Row, input: Update, actor: Actor): Promise<Row>;
  };
  remove?(trx: Transaction<Database>, existing: Row): Promise<void>;
  /**
   * Records of no region that every back-office writer maintains (the national working-day calendar).
   * Without it a record of no region is the platform's own, written only by a platform administrator.
   */
  nationwide?: boolean;
  /**
   * Who may read the resource at all, beyond the back office's roles and regions (the SMS log, the mailbox:
   * platform administrators only); checked before its lists and records are read.
   */
  authorizeRead?(actor: Actor): void;
  /** A permission beyond "may write in this region" (e.g. editing rules), checked before any write. */
  authorizeWrite?(actor: Actor, regionId: string | null): void;
  /**
   * What the reader may do to this record now, by command name (approve, void, …), as its lifecycle and the
   * reader's rights say: sent with every record as `allowed_actions`, so the back office renders its
   * buttons from it and never decides a status rule itself.
   */
  allowedActions?(record: Row, actor: Actor): string[];
  /** The record's commands (审核通过, 作废, …): POST /api/admin/<name>/<id>/<command>. */
  commands?: Record<string, ResourceCommand<Row>>;
}

/** A command's input: the JSON body, or a multipart form's fields and its file. */
export interface CommandInput {
  body: unknown;
  file?: Upload['file'];
}

/**
 * One command of a resource: a whole use case (it authorizes, validates, opens its transaction and audits)
 * whose answer is the record as it now is. `upload` names the largest file it takes, when it takes one.
 */
export interface ResourceCommand<Row extends RegionalRecord = RegionalRecord> {
  run(db: Kysely<Database>, actor: Actor, id: string, input: CommandInput): Promise<Row>;
  upload?: { maxBytes: number; tooLarge: string };
}

/**
 * The registry holds resources of different row and input types side by side; callers only pass
 * values through the resource's own schema, so the erased type is safe to use.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResource = ResourceDefinition<RegionalRecord, any, any>;
