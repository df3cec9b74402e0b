export * from "../../tests/support/wrangler";
