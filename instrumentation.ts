/** Next.js calls this once when a server process starts: the timed jobs start, and what they need is checked. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkPolicyIssuance } = await import('./lib/policies/check-policy-issuance');
  checkPolicyIssuance();
  const { startScheduledJobs } = await import('./lib/jobs/start-scheduled-jobs');
  startScheduledJobs();
  // Not a timed sweep (DISABLE_SCHEDULED_JOBS leaves it on): issued policies get their documents here.
  const [{ startPolicyDocumentRenderer }, { getDb }] = await Promise.all([
    import('./lib/policies/document-jobs/policy-document-renderer'),
    import('./lib/database'),
  ]);
  startPolicyDocumentRenderer(getDb);
}
