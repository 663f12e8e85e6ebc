import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';

/**
 * Orders with the section and project they are for: the project carries the region (whose rules decide
 * and whose operators see the order), the deadlines and the bid opening. Callers add their own selects
 * and wheres; inner joins, because every order has its section and every section its project.
 */
export function selectOrdersWithProject(db: Kysely<Database>) {
  return db
    .selectFrom('orders')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id');
}

/** As selectOrdersWithProject, and the applicant enterprise too (its name, codes and basic account). */
export function selectOrdersWithParties(db: Kysely<Database>) {
  return selectOrdersWithProject(db).innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id');
}
