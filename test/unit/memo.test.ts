import { describe, expect, it } from "vitest";
import { memoizedBy } from "../../plugins/templates/memo.ts";

describe("memoizedBy", () => {
  it("makes a value once per owner and key, and keeps owners apart", () => {
    const made: string[] = [];
    const label = memoizedBy((owner: { name: string }, key: number) => {
      made.push(`${owner.name}:${key}`);
      return key === 0 ? undefined : `${owner.name} ${key}`;
    });
    const a = { name: "a" };
    const b = { name: "a" };
    expect([label(a, 1), label(a, 1), label(a, 2), label(b, 1), label(a, 0), label(a, 0)]).toEqual([
      "a 1",
      "a 1",
      "a 2",
      "a 1",
      undefined,
      undefined,
    ]);
    // b is another owner (a new configuration), even with equal contents; an undefined value is kept too.
    expect(made).toEqual(["a:1", "a:2", "a:1", "a:0"]);
  });
});
