/**
 * The baseline: the cheapest useful Fastify route on this machine, same Fastify version and same
 * `node --import tsx` launch as Préau, so "req/s relative to baseline" isolates Préau's own costs
 * (hooks, session lookup, SQL, validation, serialisation) from the machine and the load generator.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world', ok: true }));

const port = Number(process.env.PORT ?? 0);
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
