import { createHash, type Hash } from 'node:crypto';

/**
 * Before text was checked at the boundary, a lone UTF-16 surrogate could reach the audit chain: the
 * hash was taken over it (JSON writes it as the escape `\ud800`) while the text column kept U+FFFD.
 * Such a row fails verification although nobody changed it. A witness proves that this, and nothing
 * else, is what happened: for each U+FFFD in the row's hashed text, in order, the surrogate it was sent
 * as (`d800`…`dfff`), or null for a U+FFFD that was really sent. Putting the witness back into the stored
 * text must reproduce the hash recorded at write time; no other difference can.
 */
export type SurrogateWitness = (string | null)[];

const REPLACEMENT = '\ufffd';

/** More U+FFFD than this in one row take too long to search (2,049ⁿ hashes); such a row is not proven. */
export const MAX_WITNESS_REPLACEMENTS = 2;

const CANDIDATES: (string | null)[] = [null, ...Array.from({ length: 0x800 }, (_, i) => (0xd800 + i).toString(16))];

const asWritten = (candidate: string | null) => (candidate === null ? REPLACEMENT : `\\u${candidate}`);

/** The hashed text as it was before the database replaced the witnessed surrogates. */
export function withWitness(payload: string, witness: SurrogateWitness): string {
  const segments = payload.split(REPLACEMENT);
  if (segments.length - 1 !== witness.length) return payload;
  return segments.reduce((text, segment, i) => (i === 0 ? segment : text + asWritten(witness[i - 1] ?? null) + segment), '');
}

/** Searches the witness that turns the stored text back into the recorded hash, or null if there is none. */
export function findSurrogateWitness(payload: string, recordedHash: string): SurrogateWitness | null {
  const segments = payload.split(REPLACEMENT);
  const replacements = segments.length - 1;
  if (replacements === 0 || replacements > MAX_WITNESS_REPLACEMENTS) return null;
  const search = (hash: Hash, index: number, chosen: (string | null)[]): SurrogateWitness | null => {
    if (index === replacements) {
      return chosen.some((c) => c !== null) && hash.digest('hex') === recordedHash ? chosen : null;
    }
    for (const candidate of CANDIDATES) {
      const next = hash.copy().update(asWritten(candidate) + segments[index + 1]!);
      const found = search(next, index + 1, [...chosen, candidate]);
      if (found) return found;
    }
    return null;
  };
  return search(createHash('sha256').update(segments[0]!), 0, []);
}
