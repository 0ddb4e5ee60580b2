import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** false in the server's HTML and until React has hydrated the component, true from then on. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
