import { type Broadcast, createBroadcast } from '../pubsub/broadcast.js';

/** What a process tells the others to forget: cached sessions of people, or single sessions. */
export type Invalidation = { people: string[] } | { sessions: string[] };

/**
 * Carries invalidations to every Préau process. Each process caches sessions for a few seconds;
 * a revocation (logout, password change, suspension) must reach the others at once, not after the
 * cache lifetime.
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
  const broadcast: Broadcast<Invalidation> = createBroadcast(redisUrl, channel, log);
  const local: ((message: Invalidation) => void)[] = [];
  broadcast.subscribe((message) => {
    for (const handler of local) handler(message);
  });
  return {
    publish: (message) => {
      // Forget in this process before the request returns; the echo from Redis changes nothing.
      if (redisUrl) for (const handler of local) handler(message);
      void broadcast.publish(message);
    },
    subscribe: (handler) => void local.push(handler),
    ready: () => broadcast.ready(),
    close: () => broadcast.close(),
  };
}
