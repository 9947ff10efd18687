// The worker's "zod" (wrangler.toml [alias]): zod's classic API without its 64 message
// translations, laid out as zod's own entry module is.
import * as z from "./zod-classic";
export * from "./zod-classic";
export { z, z as default };
