/** Next.js calls this once when a server process starts: the place to start the platform's timed jobs. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startScheduledJobs } = await import('./lib/jobs/start-scheduled-jobs');
  startScheduledJobs();
}
