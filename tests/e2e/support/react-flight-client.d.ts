// React's Flight client as Next bundles it (untyped): the same encoder the browser uses for server action arguments.
declare module "next/dist/compiled/react-server-dom-webpack/client.edge.js" {
  export function encodeReply(value: unknown): Promise<string | FormData>;
  export function createFromReadableStream<T>(
    stream: ReadableStream<Uint8Array>,
    options: { serverConsumerManifest: { moduleMap: Record<string, never>; serverModuleMap: null; moduleLoading: null } },
  ): Promise<T>;
}
