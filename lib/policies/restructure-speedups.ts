import { createRequire } from 'node:module';

// fontkit writes a font subset through restructure's generic types, and a CJK subset's local subroutine
// INDEX has some 28,000 entries per font dictionary (one-byte stubs for the unused ones, which keep their
// numbers). Per entry restructure builds a method name from a template string (NumberT.encode) and checks
// the buffer's length type twice (BufferT.size and encode): that was about a quarter of a policy's render.
// These replacements do the same writes without the per-entry work; the bytes are unchanged (the policy
// tests compare them with pdfkit's own way).
type Stream = Record<string, (value: unknown) => unknown> & { writeBuffer(buffer: Uint8Array): unknown };
type NumberType = { fn: string; encode(stream: Stream, value: number): unknown; writeMethod?: string };
type BufferType = { length: unknown; size(value: Uint8Array | undefined, parent?: unknown): number; encode(stream: Stream, buffer: Uint8Array, parent?: unknown): unknown };

const INSTALLED = Symbol.for('bid-guarantee.restructure-speedups');

/**
 * Installs the replacements in the restructure that pdfkit's fontkit uses (Node's own copy, required, not a
 * bundler's). Only speed is at stake: where that copy cannot be found, nothing changes.
 */
export function installRestructureSpeedups(): void {
  let restructure: { uint8: NumberType; Buffer: { prototype: BufferType } } & { [INSTALLED]?: true };
  try {
    restructure = createRequire(import.meta.url)('restructure');
  } catch {
    return;
  }
  if (restructure[INSTALLED]) return;
  restructure[INSTALLED] = true;
  const numberPrototype = Object.getPrototypeOf(restructure.uint8) as NumberType;
  numberPrototype.encode = function encode(this: NumberType, stream, value) {
    return stream[(this.writeMethod ??= `write${this.fn}`)]!(value);
  };
  const bufferPrototype = restructure.Buffer.prototype;
  const { size, encode } = bufferPrototype;
  // A buffer type without a length of its own (what an INDEX's entries are) is just its bytes.
  bufferPrototype.size = function (this: BufferType, value, parent) {
    return value && this.length === undefined ? value.length : size.call(this, value, parent);
  };
  bufferPrototype.encode = function (this: BufferType, stream, buffer, parent) {
    return this.length === undefined ? stream.writeBuffer(buffer) : encode.call(this, stream, buffer, parent);
  };
}
