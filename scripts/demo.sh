#!/usr/bin/env bash
# The Quick start's main job on a bundled example: lint the naive Dockerfile of
# examples/greeter, show the safe fixes, plan which inputs invalidate each step of the good
# Dockerfile, and diagnose a real failed-build log captured from BuildKit. No engine needed.
set -euo pipefail
cd "$(dirname "$0")/.."
B=./bin/stevedore
ex=examples/greeter

# lint exits 1 when it has findings, which is the point here; any other code is a failure.
expect_findings() { "$@" || { rc=$?; [ "$rc" -eq 1 ] || exit "$rc"; }; }

echo "== stevedore lint $ex/Dockerfile.naive"
expect_findings "$B" lint --context "$ex" "$ex/Dockerfile.naive"
echo
echo "== stevedore fix --diff $ex/Dockerfile.naive   (safe fixes; --write applies them)"
"$B" fix --diff "$ex/Dockerfile.naive"
echo
echo "== stevedore plan --dockerfile $ex/Dockerfile --context $ex"
"$B" plan --dockerfile "$ex/Dockerfile" --context "$ex"
echo
log=src/diagnose/__fixtures__/real/go-checksum-mismatch/plain.log
echo "== stevedore diagnose $log"
expect_findings "$B" diagnose "$log"
