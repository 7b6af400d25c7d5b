/** A minimal SSE reader for tests: connects with a cookie and yields parsed events. */
export interface SseEvent {
  event: string;
  data: unknown;
}

export async function openSse(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  let comments = 0;
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (block.startsWith(':')) comments += 1;
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
            cut = buffer.indexOf('\n\n');
          }
          for (const w of waiters.splice(0)) w();
        }
      } catch {
        // aborted
      }
      ended = true;
      for (const w of waiters.splice(0)) w();
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    events,
    get ended() {
      return ended;
    },
    get comments() {
      return comments;
    },
    /** Resolves once an event of this name arrived (or rejects after `timeoutMs`). */
    async next(name: string, timeoutMs = 10_000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find((e) => e.event === name);
        if (found) {
          events.splice(events.indexOf(found), 1);
          return found;
        }
        if (ended) throw new Error(`stream ended before "${name}"`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async waitEnd(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return ended;
    },
    close: () => controller.abort(),
  };
}
