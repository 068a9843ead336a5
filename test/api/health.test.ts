// GET /health: ok while the database answers, 503 with status "error" once it does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createApiClient } from './api-client.ts';
import { createTestDb } from '../support/db.ts';

let api: Awaited<ReturnType<typeof createApiClient>>;
beforeAll(async () => {
  api = await createApiClient();
});
afterAll(async () => {
  await api.db.destroy();
});

describe('GET /health', () => {
  it('returns {"status":"ok"} while the database answers', async () => {
    const res = await api.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('returns 503 with status "error" when the database is closed', async () => {
    const db = await createTestDb();
    const down = new ApiClient(db);
    await db.destroy();
    const res = await down.get('/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'error', database: 'down' });
  });
});
