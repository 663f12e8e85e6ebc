import { isPlainObject as isRecord } from '@/rules/json-shape';

export interface DataPath {
  /** `applicant.name`: where the value sits in an order's form data. */
  path: string;
  /** The titles on the way, `投保企业 › 企业名称`. */
  label: string;
}


/**
 * Every leaf a form's data can hold, conditional fields (in `dependencies` branches) included. Walks
 * without recursion; the schema has passed the depth cap.
 */
export function listDataPaths(schema: unknown): DataPath[] {
  const found = new Map<string, DataPath>();
  const stack: { node: unknown; path: string[]; labels: string[] }[] = [{ node: schema, path: [], labels: [] }];
  while (stack.length > 0) {
    const { node, path, labels } = stack.pop()!;
    if (!isRecord(node)) continue;
    const children: [string, unknown][] = isRecord(node.properties) ? Object.entries(node.properties) : [];
    if (isRecord(node.dependencies)) {
      for (const dependency of Object.values(node.dependencies)) {
        const branches = isRecord(dependency) && Array.isArray(dependency.oneOf) ? dependency.oneOf : [];
        for (const branch of branches) if (isRecord(branch) && isRecord(branch.properties)) children.push(...Object.entries(branch.properties));
      }
    }
    if (node.type === 'object' && children.length > 0) {
      for (const [key, child] of children.reverse()) {
        const title = isRecord(child) && typeof child.title === 'string' ? child.title : key;
        stack.push({ node: child, path: [...path, key], labels: [...labels, title] });
      }
    } else if (path.length > 0 && (node.type !== undefined || node.title !== undefined) && !found.has(path.join('.'))) {
      found.set(path.join('.'), { path: path.join('.'), label: labels.join(' › ') });
    }
  }
  return [...found.values()];
}
