import { z } from 'zod';

/**
 * An object of the trading-platform interface: a field the interface does not have is refused, naming it,
 * rather than dropped — a misspelt optional field (`agancy`) would otherwise be lost without a word.
 */
export function interfaceObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `接口中没有字段 ${issue.keys.join('、')}` : undefined),
  });
}
