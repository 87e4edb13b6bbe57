#!/usr/bin/env bash
# Stops the daemons start-local-cluster.sh started (by the pids it recorded), nothing else.
set -uo pipefail
state=${ARCHGYM_SLURM_STATE:-/tmp/archgym-slurm}
for name in slurmd slurmctld munged; do
  f="$state/$name.pid"
  [ -s "$f" ] || continue
  pid=$(cat "$f")
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$f"
done
