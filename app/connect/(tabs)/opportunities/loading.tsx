import { LoadingView } from "@/app/_components/loading-view";

/**
 * Without JavaScript, streamed content stays in a hidden `<div hidden id="S:…">` that React's
 * inline script would swap in. This style, parsed only when scripting is off, shows it and drops
 * the placeholder, so the list and its GET form keep working in a browser with JavaScript disabled.
 */
const NO_SCRIPT_REVEAL = `[data-opportunities-loading]{display:none!important}div[hidden][id^="S:"]{display:block!important}`;

export default function Loading() {
  return (
    <div data-opportunities-loading="">
      <noscript>
        <style>{NO_SCRIPT_REVEAL}</style>
      </noscript>
      <LoadingView label="Loading opportunities…" lines={6} />
    </div>
  );
}
