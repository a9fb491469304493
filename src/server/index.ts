/**
 * lichhop/server: the feed server's request handler. Uses Node built-ins (http types, fs, crypto),
 * so it lives apart from the root export, which stays browser-safe.
 * @packageDocumentation
 */
export { createFeedHandler } from "./handler";
export type { FeedHandler, FeedHandlerOptions, FeedState, ServedFeed } from "./handler";
