import { LoadingView } from "@/app/_components/loading-view";

export default function Loading() {
  return <LoadingView label="Loading your profile editor…" lines={6} />;
}
