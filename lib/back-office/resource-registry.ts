import { auditEventResource } from '@/lib/audit/audit-event-resource';
import { calendarDayResource } from '@/lib/calendar/calendar-day-resource';
import { enterpriseResource } from '@/lib/enterprises/enterprise-resource';
import { formVersionResource } from '@/lib/forms/form-version-resource';
import { insurerResource } from '@/lib/insurers/insurer-resource';
import { bankNotificationResource } from '@/lib/payments/bank-notifications/bank-notification-resource';
import { policyDocumentJobResource } from '@/lib/policies/document-jobs/policy-document-job-resource';
import { invoiceResource } from '@/lib/invoices/invoice-resource';
import { refundResource } from '@/lib/refunds/refund-resource';
import { transferResource } from '@/lib/payments/transfer-resource';
import { paymentTicketResource } from '@/lib/payments/tickets/payment-ticket-resource';
import { statementImportLineResource } from '@/lib/payments/statement/statement-import-line-resource';
import { statementImportResource } from '@/lib/payments/statement/statement-import-resource';
import { productResource } from '@/lib/products/product-resource';
import { projectResource } from '@/lib/projects/project-resource';
import { sectionResource } from '@/lib/sections/section-resource';
import { regionResource } from '@/lib/regions/region-resource';
import { ruleDecisionResource } from '@/lib/rules/rule-decision-resource';
import { ruleSetResource } from '@/lib/rules/rule-set-resource';
import { ruleTestCaseResource } from '@/lib/rules/rule-test-case-resource';
import { ruleVersionResource } from '@/lib/rules/rule-version-resource';
import { smsMessageResource } from '@/lib/sms/sms-message-resource';
import { surrenderResource } from '@/lib/surrenders/surrender-resource';
import { staffUserResource } from '@/lib/users/staff-user-resource';
import { mailboxResource } from '@/lib/mail/mailbox-resource';
import { outboxMessageResource } from '@/lib/outbox/outbox-message-resource';
import { tradingPlatformResource } from '@/lib/trading-platforms/trading-platform-resource';
import { orderResource } from '@/lib/orders/back-office/order-resource';
import { DomainError } from '@/lib/errors/domain-error';
import type { AnyResource } from './resource-definition';
import { approvalSettingResource } from '@/lib/versioning/approval-setting-resource';
import { snapshotResource } from '@/lib/versioning/snapshot-resource';
import { auditCheckpointResource } from '@/lib/audit/audit-checkpoint-resource';

const resources: Record<string, AnyResource> = Object.fromEntries(
  [
    insurerResource, productResource, projectResource, sectionResource, regionResource, auditEventResource,
    ruleSetResource, ruleVersionResource, ruleTestCaseResource, ruleDecisionResource, formVersionResource,
    refundResource, transferResource, paymentTicketResource, surrenderResource, invoiceResource,
    statementImportResource, statementImportLineResource, calendarDayResource, policyDocumentJobResource, bankNotificationResource,
    staffUserResource,
    enterpriseResource,
    smsMessageResource,
    outboxMessageResource, mailboxResource,
    tradingPlatformResource,
    orderResource,
    approvalSettingResource, snapshotResource,
    auditCheckpointResource,
  ].map((r) => [
    r.name,
    r as AnyResource,
  ]),
);

export function backOfficeResource(name: string): AnyResource {
  const resource = Object.hasOwn(resources, name) ? resources[name] : undefined;
  if (!resource) throw new DomainError('NOT_FOUND', `没有名为 ${name} 的管理对象`);
  return resource;
}

/** Every resource's name, e.g. for tests that must cover a resource added later. */
export function backOfficeResourceNames(): string[] {
  return Object.keys(resources);
}
