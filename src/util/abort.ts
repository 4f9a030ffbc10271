// AbortSignal.any that keeps its sources alive for as long as the signal it returns. On Node 20 a
// composite holds its sources only weakly, and a source made by AbortSignal.timeout that nothing
// else holds is collected at the next GC, its timer cleared: the composite then never aborts at
// that deadline (nodejs/node#57736; Node 24 keeps them). A verify whose registry never answered
// waited past --timeout that way, and a request past its own timeout.

/** Each composite's sources, held for as long as the composite is (a WeakMap value is). */
const held = new WeakMap<AbortSignal, readonly AbortSignal[]>();

/** A signal that aborts when the first of SIGNALS does, with its reason; SIGNALS stay reachable. */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const any = AbortSignal.any([...signals]);
  held.set(any, signals);
  return any;
}
