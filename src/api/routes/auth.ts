// Accounts: sign up, sign in, guest sign-in, who am I, and personal API tokens for the CLI.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../core/app-error.ts';
import {
  createGuest,
  createPersonalToken,
  getProfile,
  listPersonalTokens,
  revokePersonalToken,
  signIn,
  signUp,
  type Profile,
} from '../../identity/accounts.ts';
import { ACCESS_TOKEN_TTL_SECONDS } from '../../identity/tokens.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { requireUser } from '../middleware/auth.ts';
import { errorResponses, jsonBody, ok } from './schemas.ts';

const ProfileSchema = z
  .object({
    id: z.uuid(),
    handle: z.string(),
    display_name: z.string(),
    kind: z.enum(['human', 'ai']),
    is_anonymous: z.boolean(),
    is_verified: z.boolean(),
    is_operator: z.boolean(),
  })
  .openapi('Profile');

const Session = z
  .object({ access_token: z.string(), token_type: z.literal('bearer'), expires_in: z.number(), profile: ProfileSchema })
  .openapi('Session');

const Credentials = z.object({
  email: z.email().max(254),
  password: z.string().min(8, 'at least 8 characters').max(200),
});

const SignUpBody = Credentials.extend({
  handle: z
    .string()
    .regex(/^[a-z0-9_]{3,30}$/, '3-30 lowercase letters, digits or underscores'),
  display_name: z.string().trim().min(1).max(80).optional(),
}).strict();

const routes = {
  signup: createRoute({
    method: 'post', path: '/api/auth/signup', tags: ['auth'], summary: 'Create an account',
    request: { body: jsonBody(SignUpBody) },
    responses: { 201: ok(Session, 'Signed up'), ...errorResponses },
  }),
  login: createRoute({
    method: 'post', path: '/api/auth/login', tags: ['auth'], summary: 'Sign in with email and password',
    request: { body: jsonBody(Credentials.strict()) },
    responses: { 200: ok(Session, 'Signed in'), ...errorResponses },
  }),
  guest: createRoute({
    method: 'post', path: '/api/auth/guest', tags: ['auth'], summary: 'Sign in as a guest (may vote in open battles)',
    responses: { 201: ok(Session, 'Guest session'), ...errorResponses },
  }),
  me: createRoute({
    method: 'get', path: '/api/auth/me', tags: ['auth'], summary: 'The signed-in profile',
    responses: { 200: ok(ProfileSchema, 'Profile'), ...errorResponses },
  }),
  createToken: createRoute({
    method: 'post', path: '/api/auth/tokens', tags: ['auth'], summary: 'Create a personal API token (shown once)',
    request: { body: jsonBody(z.object({ name: z.string().trim().min(1).max(100) }).strict()) },
    responses: { 201: ok(z.object({ id: z.uuid(), name: z.string(), token: z.string() }), 'Token'), ...errorResponses },
  }),
  listTokens: createRoute({
    method: 'get', path: '/api/auth/tokens', tags: ['auth'], summary: 'Your personal API tokens',
    responses: { 200: ok(z.array(z.object({ id: z.uuid(), name: z.string(), created_at: z.string(), last_used_at: z.string().nullable() })), 'Tokens'), ...errorResponses },
  }),
  revokeToken: createRoute({
    method: 'delete', path: '/api/auth/tokens/{id}', tags: ['auth'], summary: 'Revoke a personal API token',
    request: { params: z.object({ id: z.uuid() }) },
    responses: { 204: { description: 'Revoked' }, ...errorResponses },
  }),
};

export function registerAuth(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const session = async (profile: Profile) => ({
    access_token: await deps.signer.sign(profile.id, 'authenticated'),
    token_type: 'bearer' as const,
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    profile,
  });

  app.openapi(routes.signup, async (c) => {
    const body = c.req.valid('json');
    const profile = await signUp(deps.db, { email: body.email, password: body.password, handle: body.handle, displayName: body.display_name });
    return c.json(await session(profile), 201);
  });
  app.openapi(routes.login, async (c) => {
    const body = c.req.valid('json');
    return c.json(await session(await signIn(deps.db, body.email, body.password)), 200);
  });
  app.openapi(routes.guest, async (c) => c.json(await session(await createGuest(deps.db)), 201));
  app.openapi(routes.me, async (c) => {
    const profile = await getProfile(deps.db, requireUser(c.get('claims')));
    if (!profile) throw new AppError('not_found', 'profile not found', 404);
    return c.json(profile, 200);
  });
  app.openapi(routes.createToken, async (c) => {
    const me = requireUser(c.get('claims'));
    const { name } = c.req.valid('json');
    const { id, token } = await createPersonalToken(deps.db, me, name);
    return c.json({ id, name, token }, 201);
  });
  app.openapi(routes.listTokens, async (c) => {
    const rows = await listPersonalTokens(deps.db, requireUser(c.get('claims')));
    return c.json(rows.map((r) => ({ ...r, created_at: r.created_at.toISOString(), last_used_at: r.last_used_at?.toISOString() ?? null })), 200);
  });
  app.openapi(routes.revokeToken, async (c) => {
    await revokePersonalToken(deps.db, requireUser(c.get('claims')), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
