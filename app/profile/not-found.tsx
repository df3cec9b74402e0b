// The handle check runs in [user]/layout.tsx (so an unknown handle gets a real 404 status), and a
// layout's notFound() is caught one level up, here. The page itself lives next to the route.
export { default, metadata } from "./[user]/not-found";
