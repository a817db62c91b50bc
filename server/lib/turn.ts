/**
 * Lets the event loop turn (timers, sockets, other requests) before a long job reads its next page.
 * A timer, not a microtask, so it works the same on Node and in a Worker.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
