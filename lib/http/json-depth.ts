/**
 * How deeply a parsed JSON value nests (a scalar is 0, `[]` and `{}` are 1). Walked with an explicit stack,
 * so measuring a hostile document cannot itself overflow the call stack.
 */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const inside = depth + 1;
    if (inside > deepest) deepest = inside;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, inside]);
  }
  return deepest;
}
