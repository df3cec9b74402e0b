"use client";

import { createContext, useContext } from "react";
import { personLabel } from "../_lib/format";

/** Display names of a session's members by handle, for the room and the session summary. */
const NamesContext = createContext<Record<string, string>>({});

export const NamesProvider = NamesContext.Provider;

/** A member's display name, or their @handle when the name is not known (someone who left Kontact). */
export function useNameOf(): (handle: string) => string {
  const names = useContext(NamesContext);
  return (handle) => personLabel(names, handle);
}
