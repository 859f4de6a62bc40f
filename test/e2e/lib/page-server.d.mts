export const CA_FILE: string;
export interface PageServer {
  url: string;
  caFile: string;
  hits: { method: string; url: string }[];
  close(): Promise<void>;
}
export function startPageServer(opts: { html: string; files?: Record<string, { type: string; body: string }> }): Promise<PageServer>;
