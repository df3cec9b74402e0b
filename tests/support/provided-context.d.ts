// Values the "room" project's globalSetup hands to tests through inject().
declare module "vitest" {
  export interface ProvidedContext {
    roomHttpUrl: string;
    roomWsUrl: string;
    roomSecret: string;
  }
}

export {};
