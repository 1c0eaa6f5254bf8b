/**
 * Talking to a ProcessMaker instance's API: the request runner (the only refresh-and-retry after a 401),
 * headers and body checks, capped body reading, curl export, OpenAPI suggestions and who-am-I.
 */
export { readBodyCapped } from './body-reader';
export { shellQuote, toCurl } from './curl';
export { formatToken } from './token-formats';
export { createEndpointCache } from './endpoint-cache';
export type { EndpointCache } from './endpoint-cache';
export { guardedFetch, readJsonBody, toTransportError } from './http';
export { fetchApiEndpoints, parseOpenApiEndpoints } from './openapi';
export { runApiRequest } from './request-runner';
export type { RunnerContext } from './request-runner';
export { fixedTokenRunner, lookupUser, toUserInfo } from './whoami';
export { isSameOrigin, resolveApiUrl } from './api-url';
