'use client';

import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import BusinessIcon from '@mui/icons-material/Business';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import DomainIcon from '@mui/icons-material/Domain';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import GavelIcon from '@mui/icons-material/Gavel';
import DynamicFormIcon from '@mui/icons-material/DynamicForm';
import HistoryIcon from '@mui/icons-material/History';
import ReplayIcon from '@mui/icons-material/Replay';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import MailIcon from '@mui/icons-material/Mail';
import SendIcon from '@mui/icons-material/Send';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import RuleIcon from '@mui/icons-material/Rule';
import SmsIcon from '@mui/icons-material/Sms';
import SourceIcon from '@mui/icons-material/Source';
import InventoryIcon from '@mui/icons-material/Inventory2';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import WorkIcon from '@mui/icons-material/Work';
import PlaceIcon from '@mui/icons-material/Place';
import HubIcon from '@mui/icons-material/Hub';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import ListAltIcon from '@mui/icons-material/ListAlt';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import simpleRestProvider from 'ra-data-simple-rest';
import { Admin, Resource } from 'react-admin';
import { AuditEventList, AuditEventShow } from '../_resources/audit-events';
import { CalendarDayCreate, CalendarDayEdit, CalendarDayList } from '../_resources/calendar-days';
import { EnterpriseList, EnterpriseShow } from '../_resources/enterprises';
import { FormVersionCreate, FormVersionEdit, FormVersionList, FormVersionShow } from '../_resources/forms/form-versions';
import { InsurerCreate, InsurerEdit, InsurerList, InsurerShow } from '../_resources/insurers';
import { InvoiceList, InvoiceShow } from '../_resources/invoices';
import { ProductCreate, ProductEdit, ProductList, ProductShow } from '../_resources/products';
import { ProjectCreate, ProjectEdit, ProjectList, ProjectShow } from '../_resources/projects';
import { RuleDecisionList, RuleDecisionShow } from '../_resources/rules/rule-decisions';
import { RuleSetList } from '../_resources/rules/rule-sets';
import { RuleTestCaseCreate, RuleTestCaseList } from '../_resources/rules/rule-test-cases';
import { RuleVersionCreate, RuleVersionEdit, RuleVersionList, RuleVersionShow } from '../_resources/rules/rule-versions';
import { ApprovalSettingEdit, ApprovalSettingList } from '../_resources/versioning/approval-settings';
import { SnapshotList } from '../_resources/versioning/snapshots';
import { CompliancePage } from '../_resources/compliance/audit-checkpoints';
import { PaymentTicketEdit, PaymentTicketList } from '../_resources/payment-tickets';
import { RefundEdit, RefundList } from '../_resources/refunds';
import { BankNotificationEdit, BankNotificationList } from '../_resources/bank-notifications';
import { PolicyDocumentJobEdit, PolicyDocumentJobList } from '../_resources/policy-document-jobs';
import { OutboxMessageList, OutboxMessageShow } from '../_resources/outbox-messages';
import { MailboxList, MailboxShow } from '../_resources/mailbox';
import { SectionCreate, SectionEdit } from '../_resources/sections';
import { TransferList, TransferShow } from '../_resources/transfers';
import { SmsMessageList } from '../_resources/sms-messages';
import { SurrenderList, SurrenderShow } from '../_resources/surrenders';
import { OrderList, OrderShow } from '../_resources/orders';
import { StatementImportCreate } from '../_resources/statements/statement-import';
import { StatementImportList, StatementImportShow } from '../_resources/statements/statement-imports';
import { RegionCreate, RegionEdit, RegionList, RegionShow } from '../_resources/regions';
import { TradingPlatformCreate, TradingPlatformEdit, TradingPlatformList } from '../_resources/trading-platforms';
import { UserCreate } from '../_resources/users/user-create';
import { UserEdit } from '../_resources/users/user-edit';
import { UserList } from '../_resources/users/user-list';
import { UserShow } from '../_resources/users/user-show';
import { AdminLayout } from './admin-layout';
import { Dashboard } from './dashboard';
import { authProvider, type AdminPermissions } from './auth-provider';
import { i18nProvider } from './i18n-provider';

const dataProvider = simpleRestProvider('/api/admin');

export default function AdminApp() {
  return (
    <Admin
      title="电子保函服务平台 · 管理后台"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={AdminLayout}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      {(permissions: AdminPermissions) => {
        // Screens that change data are not registered for read-only roles, so no route or button leads to them.
        const write = permissions?.canWrite === true;
        const platformAdmin = permissions?.role === 'platform_admin';
        return [
          <Resource key="insurers" name="insurers" icon={BusinessIcon} list={InsurerList} show={InsurerShow}
            edit={write ? InsurerEdit : undefined} create={write ? InsurerCreate : undefined} recordRepresentation="name" />,
          <Resource key="orders" name="orders" icon={ListAltIcon} list={OrderList} show={OrderShow} recordRepresentation="order_number" />,
          <Resource key="enterprises" name="enterprises" icon={DomainIcon} list={EnterpriseList} show={EnterpriseShow} recordRepresentation="name" />,
          <Resource key="products" name="products" icon={InventoryIcon} list={ProductList} show={ProductShow}
            edit={write ? ProductEdit : undefined} create={write ? ProductCreate : undefined} recordRepresentation="name" />,
          <Resource key="projects" name="projects" icon={WorkIcon} list={ProjectList} show={ProjectShow}
            edit={write ? ProjectEdit : undefined} create={write ? ProjectCreate : undefined} recordRepresentation="name" />,
          <Resource key="sections" name="sections" edit={write ? SectionEdit : undefined}
            create={write ? SectionCreate : undefined} recordRepresentation="name" />,
          <Resource key="form-versions" name="form-versions" icon={DynamicFormIcon} list={FormVersionList} show={FormVersionShow}
            edit={write ? FormVersionEdit : undefined} create={write ? FormVersionCreate : undefined} recordRepresentation={(r) => `${r.form_key} v${r.version}`} />,
          <Resource key="transfers" name="transfers" icon={AccountBalanceIcon} list={TransferList} show={TransferShow} recordRepresentation={(r) => `流水 ${r.bank_txn_id}`} />,
          <Resource key="bank-notifications" name="bank-notifications" icon={MarkEmailReadIcon} list={BankNotificationList} edit={write ? BankNotificationEdit : undefined} />,
          <Resource key="payment-tickets" name="payment-tickets" icon={SupportAgentIcon} list={PaymentTicketList} edit={write ? PaymentTicketEdit : undefined} />,
          <Resource key="refunds" name="refunds" icon={ReplayIcon} list={RefundList} edit={write ? RefundEdit : undefined} />,
          <Resource key="policy-document-jobs" name="policy-document-jobs" icon={PictureAsPdfIcon} list={PolicyDocumentJobList} edit={write ? PolicyDocumentJobEdit : undefined} />,
          <Resource key="outbox-messages" name="outbox-messages" icon={SendIcon} list={OutboxMessageList} show={OutboxMessageShow} />,
          ...(platformAdmin ? [<Resource key="mailbox" name="mailbox" icon={MailIcon} list={MailboxList} show={MailboxShow} />] : []),
          <Resource key="surrenders" name="surrenders" icon={AssignmentReturnIcon} list={SurrenderList} show={SurrenderShow} />,
          <Resource key="invoices" name="invoices" icon={ReceiptLongIcon} list={InvoiceList} show={InvoiceShow} />,
          ...(write
            ? [
                <Resource key="statement-imports" name="statement-imports" icon={UploadFileIcon} list={StatementImportList} show={StatementImportShow}
                  create={StatementImportCreate} recordRepresentation={(r) => r.file_name ?? '银行流水'} />,
                <Resource key="statement-import-lines" name="statement-import-lines" />,
              ]
            : []),
          <Resource key="calendar-days" name="calendar-days" icon={CalendarMonthIcon} list={CalendarDayList}
            edit={write ? CalendarDayEdit : undefined} create={write ? CalendarDayCreate : undefined} recordRepresentation="day" />,
          <Resource key="rule-sets" name="rule-sets" icon={RuleIcon} list={RuleSetList} />,
          <Resource key="rule-versions" name="rule-versions" icon={SourceIcon} list={RuleVersionList} show={RuleVersionShow}
            edit={permissions?.canEditRuleValues ? RuleVersionEdit : undefined} create={permissions?.canEditRuleValues ? RuleVersionCreate : undefined}
            recordRepresentation={(r) => `v${r.version}`} />,
          <Resource key="rule-test-cases" name="rule-test-cases" icon={FactCheckIcon}
            list={<RuleTestCaseList canEdit={platformAdmin} />} create={platformAdmin ? RuleTestCaseCreate : undefined} />,
          <Resource key="rule-decisions" name="rule-decisions" icon={GavelIcon} list={RuleDecisionList} show={RuleDecisionShow} />,
          <Resource key="rule-snapshots" name="rule-snapshots" icon={HistoryIcon} list={SnapshotList} />,
          <Resource key="version-approval-settings" name="version-approval-settings" icon={FactCheckIcon}
            list={<ApprovalSettingList canEdit={platformAdmin} />} edit={platformAdmin ? ApprovalSettingEdit : undefined} recordRepresentation="scope_name" />,
          <Resource key="audit-events" name="audit-events" icon={HistoryIcon} list={AuditEventList} show={AuditEventShow} />,
          // 合规报告 and the chain's checkpoints are the overseers' (the server refuses everyone else).
          ...(permissions?.role === 'compliance' || platformAdmin ? [<Resource key="audit-checkpoints" name="audit-checkpoints" icon={VerifiedUserIcon} list={CompliancePage} />] : []),
          <Resource key="users" name="users" icon={ManageAccountsIcon} list={UserList} show={UserShow}
            edit={platformAdmin ? UserEdit : undefined} create={platformAdmin ? UserCreate : undefined} recordRepresentation="display_name" />,
          <Resource key="regions" name="regions" icon={PlaceIcon} list={RegionList} show={RegionShow}
            edit={platformAdmin ? RegionEdit : undefined} create={platformAdmin ? RegionCreate : undefined} recordRepresentation="name" />,
          ...(platformAdmin ? [<Resource key="trading-platforms" name="trading-platforms" icon={HubIcon} list={TradingPlatformList}
            edit={TradingPlatformEdit} create={TradingPlatformCreate} recordRepresentation="name" />] : []),
          // The SMS log holds codes people are waiting for: the platform administrator's alone (the server refuses everyone else).
          ...(platformAdmin ? [<Resource key="sms-messages" name="sms-messages" icon={SmsIcon} list={SmsMessageList} />] : []),
        ];
      }}
    </Admin>
  );
}
