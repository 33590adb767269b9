#!/usr/bin/env bash
# A real subscriber: vdirsyncer copies an iCalendar feed over HTTP into a local folder of .ics
# files, and khal lists what a teacher's calendar would show, in Europe/Moscow.
#
#   scripts/e2e-subscribe.sh sync WORKDIR FEED-URL [TEXT]   wait for the feed (and for TEXT in it), then sync
#   scripts/e2e-subscribe.sh list WORKDIR                   one line per event: date time title
#
# Exit 77 when vdirsyncer or khal cannot be installed (the Swift test then skips, saying so).
set -euo pipefail
mode=$1 work=$2

need=()
command -v vdirsyncer >/dev/null || need+=(vdirsyncer)
command -v khal >/dev/null || need+=(khal)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"; } >&2 \
    || { echo "e2e-subscribe: cannot install ${need[*]}" >&2; exit 77; }
fi

case "$mode" in
sync)
  url=$3 expect=${4:-}
  mkdir -p "$work/calendar" "$work/status"
  # The server may still be starting, or (after a write) still serving the old revision for up to a second.
  for _ in $(seq 1 80); do
    if body=$(curl -sf "$url") && { [ -z "$expect" ] || grep -qF "$expect" <<<"$body"; }; then break; fi
    sleep 0.25
  done
  cat > "$work/vdirsyncer.conf" <<CONF
[general]
status_path = "$work/status/"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null
conflict_resolution = "a wins"

[storage feed_remote]
type = "http"
url = "$url"

[storage feed_local]
type = "filesystem"
path = "$work/calendar/"
fileext = ".ics"
CONF
  vdirsyncer -c "$work/vdirsyncer.conf" discover feed >&2
  vdirsyncer -c "$work/vdirsyncer.conf" sync feed >&2
  ;;
list)
  cat > "$work/khal.conf" <<CONF
[calendars]
[[feed]]
path = $work/calendar/
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Moscow
default_timezone = Europe/Moscow
CONF
  # TZ=UTC: the times shown must come from the feed's VTIMEZONE and khal's setting, not the machine.
  TZ=UTC khal -c "$work/khal.conf" list --once --day-format "" \
    --format "{start-date} {start-time} {title}" 2019-08-01 2022-09-01 | sed '/^$/d'
  ;;
*) echo "usage: $0 sync|list WORKDIR [URL [TEXT]]" >&2; exit 2 ;;
esac
