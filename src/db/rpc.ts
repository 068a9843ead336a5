// Calls a SQL function by named arguments ($n::type casts), the one way the app and the tests reach
// the RPCs. Shapes: scalar (one value), row (one composite, null when absent), rows (a table), void.
import type { Queryable } from './db.ts';

export type RpcShape = 'scalar' | 'row' | 'rows' | 'void';

export interface RpcSignature {
  /** Schema-qualified function name, e.g. battles.fn_battles_create. */
  fn: string;
  shape: RpcShape;
  /** Argument name (without the p_ prefix) to its Postgres type, in declaration order. */
  params: Record<string, string>;
}

function encode(value: unknown, pgType: string): unknown {
  if (value === undefined || value === null) return null;
  if (pgType === 'jsonb' || pgType === 'json') return JSON.stringify(value);
  return value;
}

export async function callRpc<T = unknown>(q: Queryable, sig: RpcSignature, args: Record<string, unknown>): Promise<T> {
  const values: unknown[] = [];
  const named: string[] = [];
  for (const [name, pgType] of Object.entries(sig.params)) {
    if (args[name] === undefined) continue; // let the SQL default apply
    values.push(encode(args[name], pgType));
    named.push(`p_${name} => $${values.length}::${pgType}`);
  }
  const call = `${sig.fn}(${named.join(', ')})`;
  switch (sig.shape) {
    case 'scalar': {
      const { rows } = await q.query<{ result: T }>(`select ${call} as result`, values);
      return rows[0]?.result as T;
    }
    case 'void':
      await q.query(`select ${call}`, values);
      return undefined as T;
    case 'row': {
      const { rows } = await q.query<Record<string, unknown>>(`select * from ${call}`, values);
      const row = rows[0];
      // A composite-returning function with no match yields one row of nulls.
      return (row && Object.values(row).some((v) => v !== null) ? row : null) as T;
    }
    case 'rows': {
      const { rows } = await q.query(`select * from ${call}`, values);
      return rows as T;
    }
  }
}
