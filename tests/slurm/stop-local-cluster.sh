#!/usr/bin/env bash
# Stops the daemons start-local-cluster.sh started (by the pids it recorded in $state/started), nothing else.
set -uo pipefail
state=${ARCHGYM_SLURM_STATE:-/tmp/archgym-slurm}
started="$state/started"
[ -s "$started" ] || exit 0
# slurmd first, munged last (the others authenticate through it).
for name in slurmd slurmctld munged; do
  pid=$(awk -v n="$name" '$1 == n { print $2 }' "$started")
  [ -n "$pid" ] || continue
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
done
rm -f "$started"
