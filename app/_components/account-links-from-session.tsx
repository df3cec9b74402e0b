"use client";

import { useEffect, useState } from "react";
import { AccountLinks, type HeaderUser } from "./account-links";

/**
 * The account links on pages rendered without the visitor (error and 404 pages): the browser
 * asks who is signed in. Nothing shows until it knows, so a signed-in person never sees "Sign in".
 */
export function AccountLinksFromSession() {
  const [user, setUser] = useState<HeaderUser | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch("/api/v1/profiles/me", { headers: { accept: "application/json" } })
      .then(async (res) => (res.ok ? ((await res.json()) as { handle: string; displayName: string }) : null))
      .catch(() => null)
      .then((me) => live && setUser(me ? { handle: me.handle, displayName: me.displayName } : null));
    return () => {
      live = false;
    };
  }, []);
  return user === undefined ? null : <AccountLinks user={user} />;
}
