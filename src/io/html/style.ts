// The one stylesheet of every page (report.html, plan.html, group-report.html), inline so that
// nothing is loaded from the network; the pages print on A4 landscape. It is the union of the
// rules the pages use: a class means the same on every page. Each entry is one line of the file.

const STYLE_LINES: readonly string[] = [
  `*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;` +
    `margin:1.5em auto;padding:0 1.5em;color:#222;max-width:1180px;line-height:1.35}`,
  `h1{margin:0 0 .2em}h2{margin:1.6em 0 .4em;border-bottom:2px solid #e3e3e3;padding-bottom:.2em}` +
    `nav a{margin-right:1em}.muted{color:#666;font-size:.9em}.ok{color:#2e7d32}`,
  `.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}.card{border:1px solid #ddd;` +
    `border-top:4px solid #90a4ae;border-radius:6px;padding:10px 12px}`,
  `.card.good{border-top-color:#2e7d32}.card.warn{border-top-color:#f9a825}.card .label{color:#555;font-size:.85em;` +
    `text-transform:uppercase;letter-spacing:.03em}.card .value{font-size:1.7em;font-weight:650}.card .detail{color:#444;` +
    `font-size:.85em}`,
  `.chart{display:block;max-width:100%;height:auto;font-size:11px}.chart text{fill:#333}` +
    `.chart .week{font-family:ui-monospace,Menlo,Consolas,monospace}.chart .count,.chart .total{fill:#666}.chart text.panel{font-weight:600}`,
  `.chart .grid{stroke:#e6e6e6}.chart .axis{stroke:#444}.chart .sep{stroke:#fff;stroke-width:.5}` +
    `.chart .owe{fill:#b71c1c}.chart .surplus{fill:#0d47a1}.chart .even{fill:#1b5e20}`,
  `.chart .extreme{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}` +
    `.chart .diag{fill:none;stroke:#bbb;stroke-dasharray:2 2}.chart .frame{fill:none;stroke:#ccc}.chart .muted{fill:#666}` +
    `.chart text.cellnum{fill:#123}.chart text.light{fill:#fff}`,
  `table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #eee;padding:4px 6px;` +
    `text-align:left;vertical-align:top}th{background:#f6f6f6}`,
  `table.sortable th{cursor:pointer;user-select:none}table.sortable th[aria-sort=ascending]::after{content:" ▲"}` +
    `table.sortable th[aria-sort=descending]::after{content:" ▼"}`,
  `table.ledger{max-width:820px}.nowrap{white-space:nowrap}th.num{text-align:right}td.num{text-align:right;` +
    `font-variant-numeric:tabular-nums}td.owe{color:#b71c1c;font-weight:600}td.surplus{color:#0d47a1}` +
    `td.even{color:#1b5e20}.short{color:#b71c1c;font-weight:600}`,
  `.steps{list-style:none;margin:.3em 0;padding:0;display:flex;flex-wrap:wrap;gap:2px;font-size:.82em}` +
    `.steps li{background:#eef3fb;border-radius:3px;padding:1px 5px}.steps li+li::before{content:"→ ";color:#888}`,
  `.steps li.zero{background:#fde0dc;font-weight:600}.steps .n{font-variant-numeric:tabular-nums;font-weight:600}` +
    `.reason{font-weight:500}.remedy{color:#1565c0;font-size:.85em}`,
  `.certificate,.violations{background:#fff4e5;border-left:4px solid #ef6c00;padding:6px 10px;margin:.5em 0}`,
  `.teams{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:10px}.team{border:1px solid #ddd;` +
    `border-left:6px solid;border-radius:4px;padding:6px 10px}`,
  `.team h3{margin:0;font-size:1em}.team table{font-size:.85em;margin-top:4px}.team td,.team th{padding:2px 4px}` +
    `.team tr.empty td{color:#b71c1c;font-style:italic}.team td.long{color:#b71c1c;font-weight:600}.team .match{color:#2e7d32}`,
  `.badge{color:#fff;border-radius:3px;padding:0 5px;font-size:.85em}`,
  `.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border-radius:2px}` +
    `.map{max-width:100%;height:auto;border:1px solid #ddd}.map .glabel{font-size:12px;font-weight:700}`,
  `.standby{font-size:.85em;margin-top:2px}.standby ol{display:inline;margin:0;padding:0 0 0 .4em;list-style:none}.standby li{display:inline;margin-right:.8em}`,
  `@media print{@page{size:A4 landscape;margin:10mm}body{margin:0;padding:0;max-width:none;font-size:10pt}` +
    `nav,.noprint{display:none}`,
  `*{-webkit-print-color-adjust:exact;print-color-adjust:exact}table.sortable th{cursor:auto}` +
    `table.sortable th::after{content:""!important}`,
  `.card,.team,.chart,.map,tr,.certificate{break-inside:avoid}h2{break-after:avoid}.teams{grid-template-columns:1fr 1fr}` +
    `a{color:inherit;text-decoration:none}}`,
];

/** The pages' CSS: layout, cards, charts and maps, tables, the rule-by-rule steps, team cards, and print rules. */
export const STYLE = STYLE_LINES.join("\n");
