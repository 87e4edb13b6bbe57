#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (root needed), for trying `archgym sweep --slurm`
# and for the Slurm tests: munged, slurmctld and slurmd, one node with all CPUs, one default
# partition "debug". Needs the Debian packages slurm-wlm and munge. A cluster already answering is
# used as it is. Daemons it starts are recorded in $ARCHGYM_SLURM_STATE/started (default state
# folder /tmp/archgym-slurm), so stop-local-cluster.sh stops only those.
set -euo pipefail
state=${ARCHGYM_SLURM_STATE:-/tmp/archgym-slurm}
conf=/etc/slurm/slurm.conf
marker="# written by archgym tests/slurm/start-local-cluster.sh"

die() { echo "start-local-cluster: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run as root (the daemons run as root here)"
for tool in munged slurmctld slurmd sinfo; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || die "$tool not found; install the packages: apt-get install -y slurm-wlm munge"
done
if pgrep -x slurmctld >/dev/null; then
  sinfo -h -N -o '%T' 2>/dev/null | grep -Eqx 'idle|mixed|allocated' && { echo "a Slurm cluster already runs here; using it"; exit 0; }
  die "a slurmctld already runs but no node is up (sinfo); stop it first"
fi
if [ -e "$conf" ] && ! grep -qF "$marker" "$conf"; then die "$conf exists and was not written by this script; not touching it"; fi

mkdir -p "$state"/{ctld,d,log}
started="$state/started"
host=$(hostname -s)
cpus=$(nproc)

# munge: a key owned by munge, mode 400, then munged as the munge user unless one already runs.
install -d -o munge -g munge -m 700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none; fi
chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do [ -s /run/munge/munged.pid ] && break; sleep 0.1; done
  echo "munged $(cat /run/munge/munged.pid)" >> "$started"
fi

cat > "$conf" <<CONF
$marker
ClusterName=archgym-local
SlurmctldHost=$host
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ReturnToService=2
MpiDefault=none
SchedulerType=sched/builtin
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
# Finished jobs stay visible to squeue/scontrol for a while; fast scheduling for short test jobs.
MinJobAge=600
SchedulerParameters=sched_min_interval=100000
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

rm -f "$state/slurmctld.pid" "$state/slurmd.pid"
/usr/sbin/slurmctld -i
/usr/sbin/slurmd
for _ in $(seq 50); do [ -s "$state/slurmctld.pid" ] && [ -s "$state/slurmd.pid" ] && break; sleep 0.1; done
for name in slurmctld slurmd; do [ -s "$state/$name.pid" ] && echo "$name $(cat "$state/$name.pid")" >> "$started"; done
for _ in $(seq 100); do
  sinfo -h -N -o '%T' 2>/dev/null | grep -qx idle && { echo "local Slurm cluster up: node $host, $cpus CPUs, partition debug"; exit 0; }
  sleep 0.2
done
sinfo -N 2>&1 || true
die "the node did not become idle in 20 s; see $state/log/"
