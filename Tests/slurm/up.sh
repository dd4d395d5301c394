#!/usr/bin/env bash
# Starts a real one-node Slurm on this machine for the cluster tests:
# installs slurmctld, slurmd, slurm-client and munge when missing (Debian
# packages, as root), writes a one-node slurm.conf (the node line from
# `slurmd -C`; proctrack/linuxproc, task/none, no accounting, cons_tres),
# starts munge and both daemons, and waits until the node is idle.
# Idempotent: a second call with everything up changes nothing.
set -euo pipefail

log() { echo "slurm-up: $*"; }
fail() { echo "slurm-up: error: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "must run as root (it installs packages and starts daemons)"

missing=0
for tool in slurmctld slurmd sbatch munged; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing=1
done
if [ "$missing" = 1 ]; then
    log "installing slurmctld slurmd slurm-client munge"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi
export PATH="/usr/sbin:/usr/bin:$PATH"

# munge: a key, its folders, the daemon.
if [ ! -s /etc/munge/munge.key ]; then
    log "creating the munge key"
    mkdir -p /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
mkdir -p /run/munge /var/lib/munge /var/log/munge
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
chmod 0700 /etc/munge /var/lib/munge /var/log/munge
chmod 0755 /run/munge
chmod 0400 /etc/munge/munge.key
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    log "starting munged"
    runuser -u munge -- /usr/sbin/munged
    for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.2; done
    munge -n | unmunge >/dev/null || fail "munged does not answer"
fi

# slurm.conf for this one node.
host="$(hostname -s)"
grep -qE "[[:space:]]$host([[:space:]]|\$)" /etc/hosts || echo "127.0.0.1 $host" >> /etc/hosts
node_line="$(slurmd -C | head -n 1)"
[ -n "$node_line" ] || fail "slurmd -C printed no node line"
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
conf="$(cat <<CONF
# Written by Tests/slurm/up.sh: one node, no accounting.
ClusterName=pfopt
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
$node_line State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
)"
changed=0
if [ ! -f /etc/slurm/slurm.conf ] || [ "$(cat /etc/slurm/slurm.conf)" != "$conf" ]; then
    log "writing /etc/slurm/slurm.conf"
    printf '%s\n' "$conf" > /etc/slurm/slurm.conf
    changed=1
fi

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
if [ "$changed" = 1 ]; then
    for pidfile in /run/slurmd.pid /run/slurmctld.pid; do
        if running "$pidfile"; then kill "$(cat "$pidfile")"; sleep 1; fi
    done
fi
if ! running /run/slurmctld.pid; then
    log "starting slurmctld"
    slurmctld
fi
if ! running /run/slurmd.pid; then
    log "starting slurmd"
    slurmd
fi

# Wait for the node to be idle (resume it once if it came up down or drained).
state=""
for i in $(seq 1 60); do
    state="$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1 || true)"
    case "$state" in
        idle|mixed|allocated) log "node $host is $state"; exit 0 ;;
        down*|drain*|fail*) [ "$i" -gt 3 ] && scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 1
done
tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
fail "the node did not become idle (state: ${state:-none})"
