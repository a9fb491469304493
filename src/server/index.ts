/**
 * lichhop/server: the feed server's request handler. Uses Node built-ins (http types, fs, crypto,
 * worker_threads), so it lives apart from the root export, which stays browser-safe. Its reloads
 * run dist/reload-worker.js, shipped beside it.
 * @packageDocumentation
 */
export { createFeedHandler } from "./handler";
export type { FeedHandler, FeedHandlerOptions, FeedState, ServedFeed } from "./handler";
