import { z } from "zod";
import { ChangeOnWire } from "./changes";
import { Incident } from "./incidents";

/** Open screens in the room per unit id, e.g. { hq: 2, water: 1 }. */
export const ScreensByUnit = z.record(z.string(), z.number().int());

/**
 * Everything a room sends. `changes`: what the room had to send in one turn, in sequence order
 * with no gap between them, each with its stream sequence number.
 */
export const ServerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), stream: z.string(), latestSeq: z.number().int(), present: z.number().int(), screens: ScreensByUnit }),
  z.object({ type: z.literal("changes"), changes: z.array(ChangeOnWire).min(1) }),
  z.object({ type: z.literal("incident"), incident: Incident }),
  z.object({ type: z.literal("presence"), present: z.number().int(), screens: ScreensByUnit }),
  /** A console of `unitId` has now had every change up to `upTo` (first at `at`). */
  z.object({ type: z.literal("delivered"), unitId: z.string(), upTo: z.number().int(), at: z.string() }),
  z.object({ type: z.literal("pong") }),
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Everything a console may send. `ping` is answered by the runtime without waking the room. */
export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ping") }),
  /** This console has applied every change of the stream up to `seq`: its delivery receipt. */
  z.object({ type: z.literal("applied"), seq: z.number().int().min(0) }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const PING = JSON.stringify({ type: "ping" } satisfies ClientMessage);
export const PONG = JSON.stringify({ type: "pong" } satisfies ServerMessage);
