import type { LiveMessage } from '@preau/contracts';
import { createBroadcast } from '../pubsub/broadcast.js';

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

  const broadcast = createBroadcast<LiveEnvelope>(redisUrl, channel, log);
  broadcast.subscribe(deliverLocally);
  return { publish: (envelope) => broadcast.publish(envelope), connect, connectionCount, close: () => broadcast.close() };
}
