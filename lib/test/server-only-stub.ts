// vitest runs outside Next: "server-only" would throw there, so tests import this instead.
export {};
