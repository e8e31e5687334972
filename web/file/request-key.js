/**
 * The Idempotency-Key of the filing the page sends next. One key names one request: sending the same document
 * with the same explanations again (a retry after a lost answer) keeps the key and is answered with the first
 * receipt; other explanations are another request and get their own key; after a new check, another document,
 * a receipt or signing out, the next filing starts afresh.
 */
let key = null;
let keyedFor = null;

/** The next filing is a new request, whatever it sends. */
export function startNewRequest() {
  key = null;
  keyedFor = null;
}

/** The key to send `explanations` with: the last one while the request stays the same. */
export function requestKey(explanations) {
  const signature = JSON.stringify(Object.entries(explanations).sort());
  if (key === null || keyedFor !== signature) {
    key = crypto.randomUUID();
    keyedFor = signature;
  }
  return key;
}
