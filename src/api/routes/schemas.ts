// Request and response schemas shared by the routes, for the OpenAPI document.
import { z } from '@hono/zod-openapi';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'already_voted' }),
      message: z.string(),
      details: z.unknown().optional(),
      retry_after: z.number().optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorBody } } },
  401: { description: 'Not signed in / bad token', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Not allowed', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorBody } } },
  409: { description: 'Conflicts with the current state', content: { 'application/json': { schema: ErrorBody } } },
  429: { description: 'Rate limited (see Retry-After)', content: { 'application/json': { schema: ErrorBody } } },
} as const;

export const Anything = z.unknown().openapi('Result');

/** A required JSON request body of `schema`, for a route's `request.body`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** A response with a JSON body of `schema`, for a route's `responses`. */
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The path parameter of the /api/battles/{battle_id}/… routes. */
export const BattleParam = z.object({ battle_id: z.uuid() });
