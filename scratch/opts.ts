import { readFileSync } from "node:fs";
import loadHighs from "highs";
const highs = await loadHighs();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const files = process.argv.slice(2);
const variants: Record<string, Record<string, unknown>> = {
  base: {},
  noheur: { mip_heuristic_effort: 0 },
  nosym: { mip_detect_symmetry: false },
  noheur_nosym: { mip_heuristic_effort: 0, mip_detect_symmetry: false },
  nopresolve: { presolve: "off" },
};
for (const file of [...files, ...files]) {
  const { model, start } = JSON.parse(readFileSync(file, "utf8"));
  const numCols = model.columns.length, numRows = model.rows.length;
  const starts = new Int32Array(numRows + 1); let nz = 0;
  model.rows.forEach((r: any, i: number) => { starts[i] = nz; nz += r.indices.length; }); starts[numRows] = nz;
  const indices = new Int32Array(nz), values = new Float64Array(nz); let at = 0;
  for (const r of model.rows) { indices.set(r.indices, at); values.set(r.values, at); at += r.indices.length; }
  const inf = (x: any) => (x === null || x === undefined ? NaN : x);
  for (const [name, opts] of Object.entries(variants)) {
    const data = {
      numCols, numRows, sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(model.columns, (c: any) => c.cost), colLower: Float64Array.from(model.columns, (c: any) => c.lower), colUpper: Float64Array.from(model.columns, (c: any) => c.upper),
      rowLower: Float64Array.from(model.rows, (r: any) => (r.lower === null ? -highs.infinity : r.lower)),
      rowUpper: Float64Array.from(model.rows, (r: any) => (r.upper === null ? highs.infinity : r.upper)),
      matrix: { format: "csr", numRows, numCols, starts, indices, values },
      integrality: Int32Array.from(model.columns, () => 1),
    };
    const c0 = cpu(); const t0 = performance.now();
    const res = highs.withModel(data as any, (m: any) => {
      m.options.set({ output_flag: false, random_seed: 0, mip_rel_gap: 0, ...opts });
      if (start) m.setSolution({ colValue: Float64Array.from(start) });
      m.run();
      return [m.getModelStatus(), m.getObjectiveValue(), Number(m.info.get("mip_node_count")), Number(m.info.get("simplex_iteration_count"))];
    });
    console.log(file.split("/").pop(), name, res.join(" "), "cpu", (cpu() - c0).toFixed(2), "wall", ((performance.now() - t0) / 1000).toFixed(2));
  }
}
