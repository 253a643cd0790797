/**
 * Wraps a string from the API in Unicode first-strong isolates (U+2068 …
 * U+2069) for plain-text sentences, where a `<bdi>` element can't go: a
 * direction override inside a name (U+202E) then can't reorder the words
 * around it. In templates, prefer `<bdi>${name}</bdi>`.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
