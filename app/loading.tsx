import { LoadingView } from "./_components/loading-view";

export default function Loading() {
  return <LoadingView />;
}
