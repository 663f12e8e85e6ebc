/** Next.js calls this once when a server process starts: the timed jobs start, and what they need is checked. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkPolicyIssuance } = await import('./lib/policies/check-policy-issuance');
  checkPolicyIssuance();
  const { startScheduledJobs } = await import('./lib/jobs/start-scheduled-jobs');
  startScheduledJobs();
}
