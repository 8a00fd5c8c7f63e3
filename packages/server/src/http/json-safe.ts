/**
 * A value made JSON-safe for a response: bigint becomes decimal text (money is never a float).
 * The server's reply serializer (build-server.ts) already writes every bigint as decimal text, so
 * the value is returned as it is: converting it here too serialized every such answer twice.
 */
export function jsonSafe<T>(value: T): unknown {
  return value;
}
