import { describe, expect, it } from "vitest";
import { damerauLevenshtein } from "../../src/domain/search";

// damerauLevenshtein reuses its rows across calls; the reference is the version that allocated them per call.
function reference(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prevPrev: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur: number[] = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[b.length]!;
}

describe("damerauLevenshtein with reused rows", () => {
  it("agrees with the reference on 30,000 random pairs and limits, long words after short ones", () => {
    let seed = 5;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const word = (max: number) =>
      Array.from({ length: Math.floor(rnd() * max) }, () => "abcrsoièé"[Math.floor(rnd() * 9)]).join("");
    for (let n = 0; n < 30_000; n++) {
      const a = word(n % 1000 === 0 ? 200 : 10);
      const b = word(n % 1000 === 1 ? 200 : 10);
      const max = [0, 1, 2, 3, Number.POSITIVE_INFINITY][n % 5] as number;
      expect(damerauLevenshtein(a, b, max), `${a} ${b} ${max}`).toBe(reference(a, b, max));
    }
  });
});
