/**
 * lichhop/server: the feed server's request handler. Uses Node built-ins (http types, fs, crypto,
 * worker_threads), so it lives apart from the root export, which stays browser-safe; it runs the
 * root's own modules (one ScheduleError class for both). Its reloads run
 * dist/server/reload-worker.js, shipped beside the handler.
 * @packageDocumentation
 */
export { createFeedHandler } from "./handler";
export type { FeedHandler, FeedHandlerOptions, FeedState, ServedFeed } from "./handler";
