// The launch page's stylesheet, sent inline under the page's CSP nonce: one column that reads at
// phone width, large touch targets, and a focus ring that keyboard users can see.

export const LAUNCH_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #59636e; --line: #d0d7de; --accent: #0b5cad;
  --accent-ink: #ffffff; --bad: #a4262c; --soft: #f6f8fa; --warn: #fff4ce; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef1f4; color: var(--ink);
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 34rem; margin: 0 auto; padding: 1rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 1.25rem; }
.top { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
.badge { margin: 0; font-size: .8rem; font-weight: 600; letter-spacing: .02em; color: #7a4a00;
  background: var(--warn); border-radius: 999px; padding: .2rem .7rem; }
h1 { font-size: 1.45rem; margin: .8rem 0 .3rem; }
h2 { font-size: 1rem; margin: 1.2rem 0 .5rem; }
p { margin: .3rem 0; }
.lead, .meta, small { color: var(--muted); }
.meta { font-size: .85rem; margin-top: 1rem; overflow-wrap: anywhere; }
.destination { font-weight: 600; overflow-wrap: anywhere; }
ul.fields { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; margin: 0; }
ul.fields li { background: var(--soft); border: 1px solid var(--line); border-radius: 999px;
  padding: .15rem .65rem; font-size: .9rem; }
fieldset { border: 1px solid var(--line); border-radius: 10px; margin: 1rem 0 0; padding: .6rem .9rem .9rem; }
legend { font-weight: 600; padding: 0 .3rem; }
label { display: block; }
select { width: 100%; font: inherit; padding: .55rem .6rem; border: 1px solid var(--line);
  border-radius: 8px; background: #fff; margin-top: .3rem; }
.provider { display: flex; align-items: center; gap: .6rem; }
.provider img, option img { width: 28px; height: 28px; border-radius: 6px; }
.choice { display: flex; gap: .6rem; align-items: flex-start; padding: .45rem 0; cursor: pointer; }
.choice input { margin-top: .3rem; width: 1.1rem; height: 1.1rem; flex: none; }
.choice span { display: flex; flex-direction: column; }
button { font: inherit; font-weight: 600; border-radius: 8px; padding: .7rem 1rem; min-height: 44px;
  cursor: pointer; border: 1px solid var(--line); background: #fff; color: var(--ink); }
button.primary { width: 100%; margin-top: .6rem; background: var(--accent); border-color: var(--accent);
  color: var(--accent-ink); }
.fails { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .5rem; }
.fails button { color: var(--bad); text-align: left; }
button.close { background: transparent; border: 0; font-size: 1.6rem; line-height: 1;
  padding: .3rem .6rem; color: var(--muted); }
button:disabled { opacity: .55; cursor: not-allowed; }
:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.notice { margin-top: 1rem; padding: .7rem .9rem; border-radius: 8px; background: var(--warn);
  border: 1px solid #e5c07b; overflow-wrap: anywhere; }
.result { margin-top: 1rem; padding: .2rem .9rem .8rem; border-radius: 10px; background: var(--soft);
  border: 1px solid var(--line); }
.result dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .8rem; margin: 0; }
.result dt { color: var(--muted); }
.result dd { margin: 0; overflow-wrap: anywhere; }
.result .secret { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
.note { color: var(--muted); margin-top: .6rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
[hidden] { display: none !important; }
@media (max-width: 420px) { main { padding: .5rem; } .card { padding: 1rem; border-radius: 10px; } }
`;
