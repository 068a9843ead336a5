// One database interface over the embedded PGlite and a real Postgres server (pg).
export type Row = Record<string, unknown>;

export interface QueryResult<T = Row> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn inside one transaction; commits when it resolves, rolls back when it throws. `setup`
   * (statements without parameters) runs first inside it; a server gets it with BEGIN in one message.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, setup?: string): Promise<T>;
  close(): Promise<void>;
}
