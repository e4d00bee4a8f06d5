// Tables a reader can sort: the only script a page carries, inline, a few lines long.

const SCRIPT_LINES: readonly string[] = [
  `(function(){function key(c){var v=c.getAttribute("data-v");var t=v===null?c.textContent.trim():v;var n=Number(t);` +
    `return t!==""&&!isNaN(n)?n:t.toLowerCase()}`,
  `document.querySelectorAll("table.sortable").forEach(function(table){var heads=table.tHead.rows[0].cells;` +
    `Array.prototype.forEach.call(heads,function(th,i){th.setAttribute("title","Click to sort");` +
    `th.addEventListener("click",function(){var asc=th.getAttribute("aria-sort")!=="ascending";` +
    `Array.prototype.forEach.call(heads,function(o){o.removeAttribute("aria-sort")});` +
    `th.setAttribute("aria-sort",asc?"ascending":"descending");var body=table.tBodies[0];` +
    `var rows=Array.prototype.slice.call(body.rows);rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);` +
    `var c=typeof x==="number"&&typeof y==="number"?x-y:String(x)<String(y)?-1:String(x)>String(y)?1:0;return asc?c:-c});` +
    `rows.forEach(function(r){body.appendChild(r)})})})})})();`,
];

/** Click a heading to sort its table (numbers numerically, by a cell's data-v when it has one). */
export const SORTABLE_SCRIPT = SCRIPT_LINES.join("\n");
