import { Redis } from 'ioredis';

/**
 * A message to every Préau process, this one included. With Redis it goes through one channel
 * (one connection publishes, one listens: a subscribed connection can do nothing else); without
 * Redis there is one process, and publishing is a function call. Used for live notifications and
 * for session invalidations.
 */
export interface Broadcast<T> {
  /** Resolves once published; if Redis refuses, the message is still delivered in this process. */
  publish(message: T): Promise<void>;
  subscribe(handler: (message: T) => void): void;
  /** Resolves once this process listens. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createBroadcast<T>(redisUrl: string | null, channel: string, log: (message: string) => void = () => {}): Broadcast<T> {
  const handlers: ((message: T) => void)[] = [];
  const deliver = (message: T) => {
    for (const handler of handlers) {
      try {
        handler(message);
      } catch (error) {
        log(`${channel}: handler failed: ${String(error)}`);
      }
    }
  };
  const subscribe = (handler: (message: T) => void) => void handlers.push(handler);
  if (!redisUrl) return { publish: async (message) => deliver(message), subscribe, ready: async () => {}, close: async () => {} };

  const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const subscriber = new Redis(redisUrl);
  for (const connection of [publisher, subscriber]) connection.on('error', (error) => log(`redis: ${error.message}`));
  const subscribed = subscriber.subscribe(channel).then(
    () => {},
    (error: Error) => log(`redis subscribe: ${error.message}`),
  );
  subscriber.on('message', (_channel, raw: string) => {
    let message: T;
    try {
      message = JSON.parse(raw) as T;
    } catch {
      log(`${channel}: unreadable message ignored`);
      return;
    }
    deliver(message);
  });
  return {
    publish: async (message) => {
      await subscribed;
      try {
        // Every process, this one included, gets it back from Redis: one path for all.
        await publisher.publish(channel, JSON.stringify(message));
      } catch (error) {
        log(`redis publish failed, delivering in this process only: ${String(error)}`);
        deliver(message);
      }
    },
    subscribe,
    ready: () => subscribed,
    close: async () => {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
