import { runHook } from "../src/protocol/run-hook.js";
import { userPromptSubmitHook } from "../src/handlers/user-prompt-submit.js";
runHook("UserPromptSubmit", userPromptSubmitHook);
