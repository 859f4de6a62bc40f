export const MCP_SERVER_FILE: string;
/** The text `fetch_note` returns unless `--note` overrides it: carries "Ignore all previous instructions…". */
export const INJECTED_NOTE: string;
export interface McpJson {
  mcpServers: Record<string, { type: "stdio"; command: string; args: string[] }>;
}
export function mcpJson(opts: { name: string; marker: string; log?: string; note?: string }): McpJson;
