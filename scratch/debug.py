# insert local debug lines (removed again by scratch/undebug.sh)
for p,anchor,ins in [
 ('src/solver/engines/repair.ts',"    const model = keepModel(","    if (process.env.QAR_DEBUG) console.error(\"local\", local.best.seats, local.best.changes, \"proven\", certified.proven, \"fewest\", fewest(local.best.seats), \"bound\", context.seatBound, \"start\", start.filled(), pointOf(start, old, false).changes, \"damaged\", damaged.map((r) => r.id).join(\",\"), \"solves\", local.solves);\n"),
 ('src/solver/steps/keep.ts',"      const solution = await solveWithHighs(","      const c0 = process.cpuUsage();\n      if (process.env.QAR_DUMP) (await import(\"node:fs\")).writeFileSync(`${process.env.QAR_DUMP}-${reviews.length}-${limits.maxChanges ?? \"x\"}.json`, JSON.stringify({ model: { ...model, rows }, start }));\n"),
 ('src/solver/steps/keep.ts',"      if (solution.status === \"infeasible\" || solution.status === \"failed\") return { status: solution.status };","      if (process.env.QAR_DEBUG) console.error(\"keep\", reviews.length, model.columns.length, limits.maxChanges, !!start, solution.status, \"cpu\", (process.cpuUsage(c0).user / 1e6).toFixed(2));\n"),
]:
    s=open(p).read()
    i=s.index(anchor)
    s=s[:i]+ins+s[i:]
    open(p,'w').write(s)
