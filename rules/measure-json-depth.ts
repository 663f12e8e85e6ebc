import { childPath } from './rule-document-errors';

export interface DepthExceeded {
  /** Path of the first container found beyond the limit. */
  path: string;
}

/**
 * Finds the first array or object nested deeper than `maxDepth`, without recursion, so that a
 * hostile 10,000-level document is answered in linear time instead of overflowing the stack of the
 * recursive validator that runs after this check. The root container is depth 1.
 *
 * The walk also stops at the first too-deep node, so the work is bounded by the document's size, which
 * the caller has already bounded.
 */
export function findTooDeepNode(value: unknown, maxDepth: number): DepthExceeded | undefined {
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: value, depth: 1, path: '$' }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth) return { path };
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((child, index) => [index, child])
      : Object.entries(node);
    // Pushed in reverse so the first too-deep node reported is the first in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1, path: childPath(path, key) });
    }
  }
  return undefined;
}

/** UTF-8 length without Buffer, because the admin editor may run the same validation in the browser. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
