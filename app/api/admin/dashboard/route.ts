import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { backOfficeDashboard } from '@/lib/dashboard/back-office-dashboard';
import { handleApi } from '@/lib/http/error-response';

/** 工作台: the back office's home, as read for the signed-in reader. */
export function GET() {
  return handleApi(async () => Response.json(await backOfficeDashboard(await getDb(), await requireActor())));
}
