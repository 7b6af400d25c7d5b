import type { Child, Me, Membership, Right } from '@preau/contracts';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { ensureCsrfToken } from '../lib/api-client';

const ESTABLISHMENT_KEY = 'preau.establishment';
const CHILD_KEY = 'preau.child';

export type Session = {
  me: Me;
  /** The establishment the user is looking at (the first membership unless they chose another). */
  membership: Membership | null;
  selectEstablishment: (establishmentId: string) => void;
  /** For relatives: the child the portal is showing (the first one unless they chose another). */
  child: Child | null;
  selectChild: (childId: string) => void;
  /** Rights in the current establishment plus platform rights; the server still decides. */
  can: (right: Right) => boolean;
};

const SessionContext = createContext<Session | null>(null);

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, strict settings): fall back to defaults
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // The choice then lasts only as long as the page.
  }
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const [establishmentId, setEstablishmentId] = useState(() => readStored(ESTABLISHMENT_KEY));
  const [childId, setChildId] = useState(() => readStored(CHILD_KEY));

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per signed-in person
  useEffect(() => {
    // A session restored from the cookie has no CSRF token in memory yet: fetch it before any write.
    ensureCsrfToken().catch(() => undefined);
  }, [me.id]);

  const session = useMemo<Session>(() => {
    const membership =
      me.memberships.find((m) => m.establishment.id === establishmentId) ?? me.memberships[0] ?? null;
    const child = me.children.find((c) => c.id === childId) ?? me.children[0] ?? null;
    const rights = new Set([...(membership?.rights ?? []), ...me.platformRights]);
    return {
      me,
      membership,
      child,
      selectEstablishment: (id) => {
        store(ESTABLISHMENT_KEY, id);
        setEstablishmentId(id);
      },
      selectChild: (id) => {
        store(CHILD_KEY, id);
        setChildId(id);
      },
      can: (right) => rights.has(right),
    };
  }, [me, establishmentId, childId]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a signed-in route');
  return session;
}

/** The current session when signed in, null on public pages. */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
