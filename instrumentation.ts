/** Next.js calls this once when a server process starts: the timed jobs start, and what they need is checked. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // An SMS_PROVIDER no provider answers to stops the server (also under `next dev`), not the first registration.
  const { configuredSmsProvider } = await import('./lib/sms/configured-sms-provider');
  configuredSmsProvider();
  const { checkPolicyIssuance } = await import('./lib/policies/check-policy-issuance');
  checkPolicyIssuance();
  const { startScheduledJobs } = await import('./lib/jobs/start-scheduled-jobs');
  startScheduledJobs();
  // Not timed sweeps (DISABLE_SCHEDULED_JOBS leaves them on): the banks' notifications are recorded, issued
  // policies get their documents, and the outbox's mails and callbacks are delivered, here.
  const [{ startBankNotificationProcessor }, { startPolicyDocumentRenderer }, { startPolicyRenderThreads }, { startOutboxWorker }, { defaultDeliverers }, { getDb }] =
    await Promise.all([
      import('./lib/payments/bank-notifications/bank-notification-processor'),
      import('./lib/policies/document-jobs/policy-document-renderer'),
      import('./lib/policies/render-thread/render-off-thread'),
      import('./lib/outbox/outbox-worker'),
      import('./lib/outbox/default-deliverers'),
      import('./lib/database'),
    ]);
  startBankNotificationProcessor(getDb);
  startPolicyRenderThreads();
  startPolicyDocumentRenderer(getDb);
  startOutboxWorker(getDb, defaultDeliverers);
}
