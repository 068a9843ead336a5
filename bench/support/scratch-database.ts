// A scratch Postgres database for a benchmark: created fresh on DATABASE_URL's server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server could not be reached: a benchmark may skip its Postgres part. */
export class DatabaseUnreachable extends Error {}

/**
 * Creates a uniquely named database (`<prefix>_<hex>`) on DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/test), runs `fn` with its URL, then drops it, even when `fn`
 * throws. Throws DatabaseUnreachable when the server refuses the connection.
 */
export async function withScratchDatabase<T>(prefix: string, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
  } catch (err) {
    throw new DatabaseUnreachable((err as Error).message, { cause: err });
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  try {
    await client.query(`create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
}
