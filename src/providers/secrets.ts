// Keeps provider keys out of messages, error causes, logs and serialized providers.

/** Replaces every occurrence of each secret; servers sometimes echo the key in error messages. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/**
 * A plain copy of a thrown value keeping only name, message and stack, redacted. SDK errors carry
 * response headers and bodies that may echo credentials, so they never become a cause as they are.
 */
export function sanitizeCause(thrown: unknown, secrets: readonly string[]): Error {
  const source = thrown instanceof Error ? thrown : new Error(String(thrown));
  const copy = new Error(redactSecrets(describeChain(source), secrets));
  copy.name = source.name;
  copy.stack = source.stack === undefined ? undefined : redactSecrets(source.stack, secrets);
  return copy;
}

/**
 * The message with the messages of its causes appended: fetch reports "fetch failed" and hides the
 * useful part ("connect ECONNREFUSED 127.0.0.1:9") one or two causes down.
 */
export function describeChain(error: Error, depth = 3): string {
  const parts = [error.message];
  let cause: unknown = error.cause;
  for (let i = 0; i < depth && cause instanceof Error; i++) {
    if (cause.message && !parts.includes(cause.message)) parts.push(cause.message);
    cause = cause.cause;
  }
  return parts.join(': ');
}

/** A base URL fit for logs and JSON: user info, query and fragment (where keys sometimes ride) removed. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '[unparseable url]';
  }
}
