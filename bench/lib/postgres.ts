import { Client } from 'pg';

/** Where the benchmark's PostgreSQL is: DATABASE_* variables, or the loopback test server. */
export const postgresSettings = (env: NodeJS.ProcessEnv = process.env) => ({
  host: env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(env.DATABASE_PORT ?? 54329),
  user: env.DATABASE_USERNAME ?? 'strapi',
  password: env.DATABASE_PASSWORD ?? 'strapi',
});

export type PostgresSettings = ReturnType<typeof postgresSettings>;

/** The variables a worker process needs to reach that server (tests/helpers read them). */
export const postgresEnv = (s: PostgresSettings) => ({
  DATABASE_HOST: s.host,
  DATABASE_PORT: String(s.port),
  DATABASE_USERNAME: s.user,
  DATABASE_PASSWORD: s.password,
});

/** The server's `select version()`, or why it could not be reached (within 3 seconds). */
export const probePostgres = async (
  s: PostgresSettings
): Promise<{ version: string } | { error: string }> => {
  const client = new Client({ ...s, database: 'postgres', connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('select version() as version');
    return { version: rows[0].version as string };
  } catch (error) {
    const e = error as { message?: string; code?: string };
    return { error: e.message || e.code || String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
};
