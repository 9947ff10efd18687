import { DurableObject } from "cloudflare:workers";
import { type Charged, chargeWrite, type WriteRateLimit, type WriteWindow } from "../domain/abuse-limits";

/**
 * One person's write count for the rate limit, shared by every isolate that serves them: each
 * person has their own meter (named by user id), so the count holds however the platform spreads
 * their requests, and no two people wait on one object. The window is kept in the object's
 * storage, so it survives the object being evicted between writes.
 */
export class WriteMeter extends DurableObject<Env> {
  /** Charges up to `wanted` writes: how many it granted, or the seconds until the window ends. */
  charge(rate: WriteRateLimit, wanted = 1): Omit<Charged, "window"> {
    const kv = this.ctx.storage.kv;
    const { window, ...charged } = chargeWrite(kv.get<WriteWindow>("window"), Date.now(), rate, wanted);
    if (charged.granted > 0) kv.put("window", window);
    return charged;
  }
}
