// zod as hookwarden uses it: jitless. zod compiles a parser per object schema with `new Function` on its first
// parse, which pays off after thousands of parses; a hook process parses each schema once, and that compile (not in
// the V8 code cache) costs more than the parse. Imported for its effect by every module that builds schemas.
import { config } from "zod/mini";

config({ jitless: true });
