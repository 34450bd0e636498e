/** Wall-clock source for the store; tests pin it with `setNowForTests`. */
let nowFn: () => number = () => Date.now();

export function now(): number {
  return nowFn();
}

/** Pin the clock (tests only); `null` restores Date.now. */
export function setNowForTests(fn: (() => number) | null): void {
  nowFn = fn ?? (() => Date.now());
}
