export { default, metadata } from "../../[user]/not-found";
