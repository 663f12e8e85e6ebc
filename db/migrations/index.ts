import type { Migration } from 'kysely/migration';
import * as foundation from './0001_foundation';
import * as rules from './0002_rules';
import * as orders from './0003_orders';
import * as payments from './0004_payments';
import * as paymentOperations from './0005_payment_operations';
import * as surrendersInvoices from './0006_surrenders_invoices';
import * as ruleBuilder from './0007_rule_builder';
import * as sessionHardening from './0008_session_hardening';
import * as policyDocumentJobs from './0009_policy_document_jobs';
import * as statementImports from './0010_statement_imports';
import * as ruleCacheGeneration from './0011_rule_cache_generation';
import * as bankNotificationInbox from './0012_bank_notification_inbox';
import * as accounts from './0013_accounts';
import * as outbox from './0014_outbox';
import * as tradingPlatforms from './0015_trading_platforms';
import * as governance from './0016_governance';

/**
 * Migrations are listed here rather than read from the directory, so they survive bundling
 * (Next.js) and run the same from the app, the CLI and the tests. Keys sort in run order.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_rules': rules,
  '0003_orders': orders,
  '0004_payments': payments,
  '0005_payment_operations': paymentOperations,
  '0006_surrenders_invoices': surrendersInvoices,
  '0007_rule_builder': ruleBuilder,
  '0008_session_hardening': sessionHardening,
  '0009_policy_document_jobs': policyDocumentJobs,
  '0010_statement_imports': statementImports,
  '0011_rule_cache_generation': ruleCacheGeneration,
  '0012_bank_notification_inbox': bankNotificationInbox,
  '0013_accounts': accounts,
  '0014_outbox': outbox,
  '0015_trading_platforms': tradingPlatforms,
  '0016_governance': governance,
};
