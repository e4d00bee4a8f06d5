#!/bin/sh
# strip local debug lines before a commit
sed -i '/QAR_DEBUG\|QAR_DUMP\|const c0 = process.cpuUsage\|const tp = performance.now()/d' src/solver/engines/repair.ts src/solver/steps/keep.ts
grep -rn "process\.\|performance\." src/solver && echo "DEBUG LEFT" || echo clean
