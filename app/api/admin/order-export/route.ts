import type { NextRequest } from 'next/server';
import { parseListParams } from '@/lib/back-office/list-params';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { handleApi } from '@/lib/http/error-response';
import { exportOrders } from '@/lib/orders/back-office/export-orders';
import { orderResource } from '@/lib/orders/back-office/order-resource';

/** 全部订单 → 导出: GET ?format=csv|xlsx&filter=…&sort=…, the list's own query parameters. */
export function GET(request: NextRequest) {
  return handleApi(async () => {
    const actor = await requireActor();
    const search = request.nextUrl.searchParams;
    const { filter, sort } = parseListParams(search, orderResource.defaultSort);
    const file = await exportOrders(await getDb(), actor, search.get('format') ?? 'csv', { filter, sort });
    return attachmentResponse(file, file.contentType);
  });
}
