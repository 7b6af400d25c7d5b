import type { LiveMessage } from '@preau/contracts';
import { Redis } from 'ioredis';

/**
 * Live delivery to the people connected to this process (one SSE stream per open tab). A message
 * names its recipients; with Redis every process receives every message and keeps those for the
 * people it holds, so a notification published by one Préau process reaches a tab connected to
 * another. Without Redis the bus is a function call inside the process.
 */
export interface LiveEnvelope {
  personIds: string[];
  message: LiveMessage;
}

export type LiveListener = (message: LiveMessage) => void;

export interface LiveHub {
  /** Sends to the named people wherever they are connected. */
  publish(envelope: LiveEnvelope): Promise<void>;
  /** Registers one connection of a person; returns the function that ends it. */
  connect(personId: string, listener: LiveListener): () => void;
  /** Connections open in this process. */
  connectionCount(): number;
  close(): Promise<void>;
}

/**
 * `channel` separates installations sharing one Redis (PREAU_REDIS_PREFIX): people's ids are only
 * unique within one database.
 */
export function createLiveHub(redisUrl: string | null, log: (message: string) => void = () => {}, channel = 'preau:live'): LiveHub {
  const listeners = new Map<string, Set<LiveListener>>();
  const deliverLocally = (envelope: LiveEnvelope) => {
    for (const personId of envelope.personIds) {
      for (const listener of listeners.get(personId) ?? []) {
        try {
          listener(envelope.message);
        } catch (error) {
          log(`live listener failed: ${String(error)}`);
        }
      }
    }
  };
  const connect = (personId: string, listener: LiveListener) => {
    let set = listeners.get(personId);
    if (!set) listeners.set(personId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) listeners.delete(personId);
    };
  };
  const connectionCount = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);

  if (!redisUrl) {
    return { publish: async (e) => deliverLocally(e), connect, connectionCount, close: async () => {} };
  }
  // A subscribed connection can do nothing else: one to publish, one to listen.
  const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const subscriber = new Redis(redisUrl);
  for (const connection of [publisher, subscriber]) connection.on('error', (error) => log(`redis: ${error.message}`));
  const subscribed = subscriber.subscribe(channel).catch((error: Error) => log(`redis subscribe: ${error.message}`));
  subscriber.on('message', (_channel, raw: string) => {
    try {
      deliverLocally(JSON.parse(raw) as LiveEnvelope);
    } catch {
      log('redis: unreadable live message ignored');
    }
  });
  return {
    publish: async (envelope) => {
      await subscribed;
      try {
        // Every process, this one included, gets it back from Redis: one path for all.
        await publisher.publish(channel, JSON.stringify(envelope));
      } catch (error) {
        log(`redis publish failed, delivering in this process only: ${String(error)}`);
        deliverLocally(envelope);
      }
    },
    connect,
    connectionCount,
    close: async () => {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
