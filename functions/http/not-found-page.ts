/**
 * Any GET no route and no site object answers (CloudFront falls back to the API with it when the site bucket
 * has no such object; the local gateway calls it after its static mounts): the site's zh-CN 404 page, as the
 * archive last built it, or the API's ROUTE_NOT_FOUND for API paths and JSON clients. Always status 404.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { routeNotFoundResponse } from '#kit/errors-to-http.ts';
import { siteObjects } from '#kit/roots/site-objects.ts';
import type { BlobStore } from '#shared/ports.ts';
import { renderNotFoundPage } from '#shared/site/not-found-page.ts';
import { wantsNotFoundPage } from '#shared/site/not-found-reply.ts';
import { NOT_FOUND_URL, siteKey } from '#shared/site/site-paths.ts';

const HTML = 'text/html; charset=utf-8';

export function createHandler(site: () => Pick<BlobStore, 'get'>) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const accept = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'accept')?.[1];
    if (!wantsNotFoundPage(event.rawPath, accept)) return routeNotFoundResponse();
    const built = await site().get(siteKey(NOT_FOUND_URL));
    const body = built === null ? renderNotFoundPage() : new TextDecoder().decode(built.bytes);
    // Short-lived: the page is rebuilt with the home page, and a URL missing now may be published soon.
    return { statusCode: 404, headers: { 'content-type': HTML, 'cache-control': 'max-age=60' }, body };
  };
}

export const handler = createHandler(siteObjects);
