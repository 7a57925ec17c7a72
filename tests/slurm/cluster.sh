#!/usr/bin/env bash
# A single-node SLURM cluster on localhost for ModelDsl's batch tests: munged, slurmctld and slurmd, started as root
# without systemd in a few seconds (no cgroups, no accounting, traffic on loopback ports 6817/6818).
#
#   tests/slurm/cluster.sh start    start munged, slurmctld, slurmd; wait until the node is idle (no-op when it is)
#   tests/slurm/cluster.sh stop     scontrol shutdown (and munged, when start started it)
#   tests/slurm/cluster.sh status   exit 0 when the controller answers and the node is up, 3 otherwise
#
# Needs the Debian packages slurmctld, slurmd, slurm-client and munge (slurm-wlm 22.05, munge 0.5.15); `.ci/run`
# installs them when missing. It never touches a real cluster: when a controller answers and the configuration is not
# this script's (another /etc/slurm/slurm.conf, SLURM_CONF, or a configless site found through DNS SRV), start exits 4
# and leaves that cluster alone; when SLURM_CONF is set, /etc/slurm-llnl exists or /etc/slurm/slurm.conf is not ours
# but no controller answers, start refuses with exit 5. /etc/slurm/slurm.conf is written only when it is absent or
# carries the marker below, and stop shuts down only the cluster that configuration describes.
# Environment: MODELDSL_SLURM_WAIT (seconds to wait for the node, default 30).
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"   # the daemons live in /usr/sbin, not on every root PATH

readonly MARKER="# Written by ModelDsl tests/slurm/cluster.sh (single-node test cluster; safe to delete)"
readonly CONF=/etc/slurm/slurm.conf
readonly STATE_DIR=/var/lib/slurm/slurmctld
readonly SPOOL_DIR=/var/lib/slurm/slurmd
readonly LOG_DIR=/var/log/slurm
readonly CTLD_PID=/run/slurmctld.pid
readonly SLURMD_PID=/run/slurmd.pid
readonly MUNGE_PID=/run/munge/munged.pid
readonly OWN_DIR=/run/modeldsl-slurm           # marks a munged that start started, so that stop stops only that
readonly WAIT_SECONDS=${MODELDSL_SLURM_WAIT:-30}

die() { echo "cluster.sh: $*" >&2; exit 1; }
note() { echo "cluster.sh: $*"; }

# True when the process runs (a zombie left for a parent that does not reap it counts as gone).
running() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }

# The pid in a pid file, empty when there is none.
pid_of() { cat "$1" 2>/dev/null || true; }

# True when the pid file names a running process.
alive() { running "$(pid_of "$1")"; }

# Removes a pid file whose process is gone (left by a killed daemon or a container restart).
drop_stale() { if [ -e "$1" ] && ! alive "$1"; then rm -f "$1"; fi; }

ours() { [ -f "$CONF" ] && grep -qxF "$MARKER" "$CONF"; }

# Why this machine is set up for another SLURM cluster (empty when nothing says so). The SLURM commands read SLURM_CONF
# before /etc/slurm/slurm.conf; /etc/slurm-llnl is where older Debian and Ubuntu packages keep a site's configuration.
foreign_setup() {
  if [ -n "${SLURM_CONF:-}" ]; then echo "SLURM_CONF is set ($SLURM_CONF)"
  elif [ -e /etc/slurm-llnl ]; then echo "/etc/slurm-llnl exists"
  elif [ -f "$CONF" ] && ! ours; then echo "$CONF is not ModelDsl's"
  fi
}

munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

# True when slurmctld answers (at once; sinfo would retry for about 9 s).
ctld_up() { scontrol ping >/dev/null 2>&1; }

# The node's state as sinfo reports it (idle, mix, alloc, down*, drain, ...), empty when the controller does not answer.
node_state() { if ctld_up; then sinfo -h -N -n "$(hostname -s)" -o %t 2>/dev/null | head -n 1 || true; fi; }

# True for the states of a node that answers and takes jobs.
up_state() { case "$1" in idle|mix|mixed|alloc|allocated|comp|completing) return 0 ;; *) return 1 ;; esac; }

node_up() { up_state "$(node_state)"; }

log_tails() {
  for f in "$LOG_DIR/slurmctld.log" "$LOG_DIR/slurmd.log" /var/log/munge/munged.log; do
    [ -f "$f" ] && { echo "--- last lines of $f"; tail -n 20 "$f"; }
  done >&2
  return 0
}

require() {
  [ "$(id -u)" -eq 0 ] || die "must run as root (it starts munged, slurmctld and slurmd)"
  for c in munged munge unmunge slurmctld slurmd sinfo scontrol sbatch; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' not found: install slurmctld slurmd slurm-client munge (apt-get install --no-install-recommends ...)"
  done
}

start_munge() {
  if munge_works; then return 0; fi
  install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
  install -d -o munge -g munge -m 0755 /run/munge
  if [ ! -s /etc/munge/munge.key ]; then
    if command -v mungekey >/dev/null 2>&1; then
      mungekey --create --keyfile /etc/munge/munge.key
    else
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
    note "created /etc/munge/munge.key"
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 0600 /etc/munge/munge.key
  drop_stale "$MUNGE_PID"
  rm -f /run/munge/munge.socket.2.lock 2>/dev/null || true
  if command -v runuser >/dev/null 2>&1; then
    runuser -u munge -- munged
  else
    su -s /bin/sh munge -c munged
  fi
  : >"$OWN_DIR/munged"
  for _ in $(seq 1 50); do munge_works && return 0; sleep 0.1; done
  log_tails
  die "munged started but munge -n | unmunge fails"
}

write_conf() {
  local host node
  host=$(hostname -s)
  # slurmd -C prints the node line for this machine's real CPUs and memory (and an UpTime line, dropped).
  node=$(slurmd -C | grep '^NodeName=')
  [ -n "$node" ] || die "slurmd -C printed no NodeName line"
  mkdir -p /etc/slurm
  cat >"$CONF" <<EOF
$MARKER
ClusterName=modeldsl
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# Schedule the next array tasks as soon as CPUs free up (the default batch_sched_delay holds them about 3 s).
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MaxArraySize=10001
MaxJobCount=20000
# sbatch --wait polls every 2 s only while 2 >= MinJobAge/2 (the default 300 stretches its polls to 2, 8, 32 s);
# finished jobs stay visible to 'scontrol show job' (there is no accounting) until the next purge, about a minute.
MinJobAge=4
StateSaveLocation=$STATE_DIR
SlurmdSpoolDir=$SPOOL_DIR
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=modeldsl Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

start() {
  require
  local foreign
  foreign=$(foreign_setup)
  # A controller that answers for a configuration other than ours (a site's slurm.conf, SLURM_CONF, or a configless
  # site that finds its controller through DNS SRV): a real cluster, used as it is; nothing is written or started.
  if { [ -n "$foreign" ] || ! ours; } && ctld_up; then
    note "a SLURM cluster that is not ModelDsl's test cluster answers here: not touching it (using it as it is)"
    exit 4
  fi
  if [ -n "$foreign" ]; then
    echo "cluster.sh: $foreign: this machine is set up for another SLURM cluster; not writing $CONF or starting daemons" >&2
    exit 5
  fi
  mkdir -p "$OWN_DIR"
  start_munge
  alive "$CTLD_PID" || write_conf
  install -d -m 0755 "$STATE_DIR" "$SPOOL_DIR" "$LOG_DIR"
  if ! alive "$CTLD_PID"; then
    drop_stale "$CTLD_PID"
    slurmctld -c   # -c: the test cluster starts without the jobs of an earlier run
  fi
  if ! alive "$SLURMD_PID"; then
    drop_stale "$SLURMD_PID"
    slurmd
  fi
  local waited=0
  while ! node_up; do
    if [ "$waited" -ge $((WAIT_SECONDS * 10)) ]; then
      echo "cluster.sh: the node is not up after ${WAIT_SECONDS} s (state: '$(node_state)')" >&2
      log_tails
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  note "node $(hostname -s) is $(node_state) after $((waited / 10)).$((waited % 10)) s"
}

stop() {
  require
  if ! ours || [ -n "$(foreign_setup)" ]; then
    note "the SLURM configuration here is not (only) ModelDsl's test cluster's: not stopping anything"
    return 0
  fi
  # The daemons remove their pid files before they have quite gone: wait for the processes themselves.
  local ctld slurmd_pid munged
  ctld=$(pid_of "$CTLD_PID")
  slurmd_pid=$(pid_of "$SLURMD_PID")
  scontrol shutdown >/dev/null 2>&1 || true
  for _ in $(seq 1 100); do
    running "$ctld" || running "$slurmd_pid" || break
    sleep 0.1
  done
  if running "$ctld"; then die "slurmctld (pid $ctld) is still running 10 s after scontrol shutdown"; fi
  if running "$slurmd_pid"; then die "slurmd (pid $slurmd_pid) is still running 10 s after scontrol shutdown"; fi
  drop_stale "$CTLD_PID"
  drop_stale "$SLURMD_PID"
  munged=$(pid_of "$MUNGE_PID")
  if [ -e "$OWN_DIR/munged" ] && running "$munged"; then
    kill "$munged"
    for _ in $(seq 1 50); do running "$munged" || break; sleep 0.1; done
  fi
  rm -rf "$OWN_DIR"
  note "stopped"
}

status() {
  if munge_works; then echo "munge: working"; else echo "munge: not working"; fi
  if ! ctld_up; then echo "slurmctld: not answering"; return 3; fi
  local state
  state=$(node_state)
  echo "slurmctld: up"
  echo "node $(hostname -s): ${state:-unknown}"
  up_state "$state" || return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
