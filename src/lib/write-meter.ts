import { DurableObject } from "cloudflare:workers";
import { chargeWrite, type WriteRateLimit, type WriteWindow } from "../domain/abuse-limits";

/**
 * One person's write count for the rate limit, shared by every isolate that serves them: each
 * person has their own meter (named by user id), so the count holds however the platform spreads
 * their requests, and no two people wait on one object. The window is kept in the object's
 * storage, so it survives the object being evicted between writes.
 */
export class WriteMeter extends DurableObject<Env> {
  /** Charges one write; answers 0 when it may go ahead, else the seconds until the window ends. */
  charge(rate: WriteRateLimit): number {
    const kv = this.ctx.storage.kv;
    const charged = chargeWrite(kv.get<WriteWindow>("window"), Date.now(), rate);
    if (charged.retryAfterSeconds === 0) kv.put("window", charged.window);
    return charged.retryAfterSeconds;
  }
}
