import type { IncomingHttpHeaders } from "node:http";

export interface ScriptStep {
  name: string;
  input: Record<string, unknown>;
}
export interface ToolResult {
  tool_use_id: string;
  name: string | undefined;
  input: unknown;
  /** the tool_result content as text (text blocks joined with newlines) */
  text: string;
  is_error: boolean;
}
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  /** "main" (offers tools), "side" (tool-less), "count_tokens", "head" or "other" */
  kind: string;
}
export interface ScriptedApi {
  port: number;
  url: string;
  requests: RecordedRequest[];
  errors: Error[];
  readonly toolResults: ToolResult[];
  readonly mainRequests: RecordedRequest[];
  sawText(needle: string): boolean;
  close(): Promise<void>;
}
export function startScriptedApi(options?: { script?: ScriptStep[]; finalText?: string; log?: boolean | ((line: string) => void) }): Promise<ScriptedApi>;
