/** The largest JSON body a route reads (readJson in ./respond.ts); kept apart so tests can import it without the server. */
export const MAX_JSON_BYTES = 64 * 1024;
