import { availableParallelism, loadavg } from "node:os";

/**
 * How much slower than usual a shared test machine runs now: its load (the last minute's
 * average of runnable processes) over twice its cores, at least 1. The suite's own two workers
 * and their threads make a load of about twice the cores on an otherwise idle machine, so only
 * other work beyond that counts. Timing tests multiply their allowance for steps that cannot be
 * interrupted (building a model, a flow) by it: such a step takes as much longer as the
 * machine is busier; on an idle machine the allowance is exactly the stated one.
 */
export function loadFactor(): number {
  return Math.max(1, loadavg()[0]! / (2 * availableParallelism()));
}
