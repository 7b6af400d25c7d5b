import { loadConfig } from './config.js';
import { buildApp } from './kernel/app.js';
import { migrateToLatest, openDatabase } from './kernel/db/database.js';
import { isDatabaseEmpty, seedDemo } from './seed/index.js';

const DEMO_LOGINS = ['demo.head', 'demo.teacher', 'demo.student', 'demo.parent', 'demo.staff', 'demo.admin', 'demo.inspector', 'demo.superadmin'];

async function main() {
  const config = loadConfig();
  const database = openDatabase({ url: config.databaseUrl });
  await migrateToLatest(database);
  const seeded = await isDatabaseEmpty(database.db);
  if (seeded) {
    console.log('Empty database: creating the demo data (one collège, one école, one lycée)…');
    await seedDemo(database.db, { password: config.demoPassword });
  }
  const { app } = await buildApp({ config, database, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseKind === 'sqlite' ? `SQLite ${config.databaseUrl}` : 'PostgreSQL';
  const url = `http://localhost:${config.port}`;
  console.log(`\nPréau is running on ${url} (${where})`);
  console.log(`Demo logins: ${DEMO_LOGINS.join(', ')}`);
  console.log(
    config.demoPasswordFromEnv
      ? 'Demo password: the value of PREAU_DEMO_PASSWORD'
      : `Demo password: ${config.demoPassword} (set PREAU_DEMO_PASSWORD to choose another before the first start)`,
  );
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
