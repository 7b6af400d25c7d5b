import { Redis } from 'ioredis';

/** What a process tells the others to forget: cached sessions of people, or single sessions. */
export type Invalidation = { people: string[] } | { sessions: string[] };

/**
 * Carries invalidations to every Préau process. Each process caches sessions for a few seconds;
 * a revocation (logout, password change, suspension) must reach the others at once, not after the
 * cache lifetime. Without Redis there is one process, and the bus is a function call.
 */
export interface InvalidationBus {
  publish(message: Invalidation): void;
  subscribe(handler: (message: Invalidation) => void): void;
  /** Resolves once this process listens (the app waits for it before serving). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** `channel` is per installation (PREAU_REDIS_PREFIX): several Préau may share one Redis. */
export function createInvalidationBus(redisUrl: string | null, log: (message: string) => void = () => {}, channel = 'preau:invalidate'): InvalidationBus {
  return redisUrl ? redisBus(redisUrl, log, channel) : localBus();
}

function localBus(): InvalidationBus {
  const handlers: ((message: Invalidation) => void)[] = [];
  return {
    publish: (message) => {
      for (const handler of handlers) handler(message);
    },
    subscribe: (handler) => void handlers.push(handler),
    ready: async () => {},
    close: async () => {},
  };
}

function redisBus(url: string, log: (message: string) => void, channel: string): InvalidationBus {
  const handlers: ((message: Invalidation) => void)[] = [];
  const deliver = (message: Invalidation) => {
    for (const handler of handlers) handler(message);
  };
  // A subscribed connection can do nothing else: one to publish, one to listen.
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(url, { lazyConnect: false });
  for (const connection of [publisher, subscriber]) connection.on('error', (error) => log(`redis: ${error.message}`));
  const subscribed = subscriber.subscribe(channel).then(
    () => {},
    (error: Error) => log(`redis subscribe: ${error.message}`),
  );
  subscriber.on('message', (_channel, raw: string) => {
    try {
      deliver(JSON.parse(raw) as Invalidation);
    } catch {
      log('redis: unreadable invalidation ignored');
    }
  });
  return {
    publish: (message) => {
      // Forget locally at once; the echo from Redis is harmless (forgetting twice changes nothing).
      deliver(message);
      publisher.publish(channel, JSON.stringify(message)).catch((error: Error) => log(`redis publish: ${error.message}`));
    },
    subscribe: (handler) => void handlers.push(handler),
    ready: () => subscribed,
    close: async () => {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
