/**
 * With cacheComponents every page that reads the database streams its content inside <Suspense>: the HTML
 * arrives in a hidden <div id="S:0"> at the end of <body> and an inline script swaps it into place. With
 * JavaScript off that script never runs and the page shows only the loading skeleton. This stylesheet,
 * inside <noscript>, shows the streamed content where the skeleton was (body is a flex column, so `order`
 * puts it before the footer) and hides the skeleton. Used by streamed pages (the timeline, the company
 * page); the org chart itself renders whole instead (instant = false). See docs/decisions/0031-server-rendered-org-svg.md.
 */
// Tailwind's preflight hides [hidden] with !important inside @layer base; an important rule only beats it
// from the same (or an earlier) layer, where the more specific selector below wins.
const CSS = `
@layer base { body > div[hidden][id^="S:"] { display: block !important; } }
body > div[hidden][id^="S:"] { order: 2; flex: 1 0 auto; width: 100%; max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem; }
body > main#main { flex: none; padding-top: 0; padding-bottom: 0; }
body > main#main [role="status"][aria-live] { display: none; }
body > footer { order: 3; }
`;

export function NoJsStream() {
  return (
    <noscript>
      <style>{CSS}</style>
    </noscript>
  );
}
