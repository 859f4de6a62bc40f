import { runHook } from "../src/protocol/run-hook.js";
import { preToolUse } from "../src/handlers/pre-tool-use.js";
runHook("PreToolUse", preToolUse);
