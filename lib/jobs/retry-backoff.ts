/** The longest a failed background step waits for its next attempt. */
const MAX_DELAY_MS = 30 * 60_000;

/** How long a failed background step waits before attempt `attempt + 1`: first, 3× first, 9× first, … at most 30 minutes. */
export function retryBackoffMs(attempt: number, firstDelayMs: number): number {
  return Math.min(MAX_DELAY_MS, firstDelayMs * 3 ** Math.max(0, attempt - 1));
}

/** What is written on a failed step for the operators to read: the error's message, at most 2,000 characters. */
export function failureText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}
