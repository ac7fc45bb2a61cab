#!/usr/bin/env bash
# A throwaway single-node Ceph cluster with a RADOS Gateway on 127.0.0.1, for running the S3 tests
# against a real S3 server:
#
#   .ci/ceph-rgw.sh start   # installs the Debian packages if missing, starts mon + osd + rgw,
#                           # creates the S3 user and the test bucket, waits until S3 answers,
#                           # then prints the TIDEMARK_S3_TEST_* / AWS_* variables to export
#   .ci/ceph-rgw.sh env     # prints those variables again
#   .ci/ceph-rgw.sh stop    # stops the daemons and deletes the cluster's files
#
# One monitor, one OSD on memstore (in memory, 1 GiB at most), the gateway (beast), no cephx
# between the daemons, pools of size 1. Everything listens on 127.0.0.1 only. The keys are fixed
# test keys: the cluster is gone after `stop`.
set -euo pipefail

DIR=${TIDEMARK_CEPH_DIR:-/tmp/tidemark-ceph}
PORT=${TIDEMARK_CEPH_RGW_PORT:-7480}
MON_PORT=${TIDEMARK_CEPH_MON_PORT:-6789}
ACCESS_KEY=tidemark-ceph-access
SECRET_KEY=tidemark-ceph-secret-0123456789
BUCKET=tidemark-test
CONF=$DIR/ceph.conf
EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

log() { echo "ceph-rgw: $*" >&2; }

ceph_() { timeout 30 ceph --conf "$CONF" "$@"; }

install_packages() {
  local missing=()
  for cmd in ceph-mon:ceph-mon ceph-osd:ceph-osd radosgw:radosgw curl:curl; do
    command -v "${cmd%%:*}" >/dev/null || missing+=("${cmd##*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

write_conf() {
  local fsid
  fsid=$(cat /proc/sys/kernel/random/uuid)
  cat >"$CONF" <<CONF
[global]
fsid = $fsid
mon initial members = a
mon host = v1:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr2 = false
auth cluster required = none
auth service required = none
auth client required = none
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
pid file = $DIR/run/\$name.pid
log file = $DIR/log/\$name.log
keyring = $DIR/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000

[mon]
mon data = $DIR/mon/\$name

[osd]
osd data = $DIR/osd/\$name
osd objectstore = memstore
memstore device bytes = 1073741824
osd memory target = 939524096

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw data = $DIR/rgw
rgw dns name = 127.0.0.1
rgw enable usage log = false
rgw thread pool size = 64
CONF
}

wait_for() { # seconds description command...
  local n=$1 what=$2
  shift 2
  for _ in $(seq "$((n * 4))"); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.25
  done
  log "timed out waiting for $what; logs in $DIR/log"
  tail -n 20 "$DIR"/log/*.log >&2 || true
  return 1
}

s3() { # method path: a signed request without a body to the gateway
  curl -sf --max-time 10 --aws-sigv4 "aws:amz:us-east-1:s3" --user "$ACCESS_KEY:$SECRET_KEY" -X "$1" \
    -H "x-amz-content-sha256: $EMPTY_SHA256" "http://127.0.0.1:$PORT$2"
}

print_env() {
  cat <<ENV
export TIDEMARK_S3_TEST_ENDPOINT=http://127.0.0.1:$PORT
export TIDEMARK_S3_TEST_BUCKET=$BUCKET
export AWS_ACCESS_KEY_ID=$ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$SECRET_KEY
export AWS_REGION=us-east-1
ENV
}

start() {
  # a step that fails says which one, with the daemons' last log lines
  trap 'log "start failed at line $LINENO (exit $?)"; tail -n 20 "$DIR"/log/*.log "$DIR"/log/*.stderr >&2 2>/dev/null || true' ERR
  install_packages
  if [ -e "$DIR" ]; then
    stop
  fi
  if curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/"; then
    log "port $PORT on 127.0.0.1 is taken; set TIDEMARK_CEPH_RGW_PORT to another"
    return 1
  fi
  mkdir -p "$DIR"/{run,log,mon/mon.a,osd/osd.0,rgw}
  write_conf
  touch "$DIR/keyring"

  monmaptool --create --clobber --fsid "$(sed -n 's/^fsid = //p' "$CONF")" \
    --add a "127.0.0.1:$MON_PORT" "$DIR/monmap" >/dev/null
  ceph-mon --conf "$CONF" --mkfs -i a --monmap "$DIR/monmap" >/dev/null
  ceph-mon --conf "$CONF" -i a
  wait_for 30 "the monitor" ceph_ mon stat

  local uuid
  uuid=$(cat /proc/sys/kernel/random/uuid)
  local id
  id=$(ceph_ osd new "$uuid")
  [ "$id" = 0 ] || { log "unexpected OSD id $id"; return 1; }
  ceph-osd --conf "$CONF" -i 0 --mkfs --osd-uuid "$uuid" >/dev/null 2>&1
  ceph-osd --conf "$CONF" -i 0 2>>"$DIR/log/osd.0.stderr"
  wait_for 60 "the OSD" sh -c "ceph --conf '$CONF' osd stat | grep -q '1 up'"

  radosgw --conf "$CONF" -n client.rgw
  wait_for 60 "the gateway" curl -s --max-time 2 "http://127.0.0.1:$PORT/"

  radosgw-admin --conf "$CONF" user create --uid=tidemark --display-name="Tidemark tests" \
    --access-key="$ACCESS_KEY" --secret="$SECRET_KEY" >/dev/null
  wait_for 30 "the S3 user" s3 PUT "/$BUCKET"
  wait_for 10 "the test bucket" s3 GET "/$BUCKET?list-type=2"
  log "S3 (Ceph RGW $(ceph-mon --version | awk '{print $3}')) on http://127.0.0.1:$PORT, bucket $BUCKET"
  print_env
}

stop() {
  for name in client.rgw osd.0 mon.a; do
    local pidfile=$DIR/run/$name.pid
    if [ -f "$pidfile" ]; then
      local pid
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 40); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
