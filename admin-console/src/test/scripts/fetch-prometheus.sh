#!/usr/bin/env bash
# Prints the path of a Prometheus server binary for the console's tests (ConsoleFleetAgainstDemoShopTest),
# fetching it once if needed. In order:
#   1. $FUSEBOX_PROMETHEUS, when set: that binary (it must be executable);
#   2. one fetched before: <cache>/prometheus-<version>/usr/bin/prometheus, the newest version;
#   3. else Debian's package: `apt-get download prometheus` (about 19 MB, no root needed), unpacked
#      with `dpkg-deb -x` into <cache>/prometheus-<version> (the binary runs standalone).
# <cache> is $FUSEBOX_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/fusebox: outside target/, so `mvn clean`
# does not fetch it again. Without apt-get (not Debian or Ubuntu) it fails and says what to do.
# Progress goes to stderr; stdout is only the path.
set -euo pipefail

fail() {
    echo "fetch-prometheus: $*" >&2
    exit 1
}

if [[ -n "${FUSEBOX_PROMETHEUS:-}" ]]; then
    [[ -x "$FUSEBOX_PROMETHEUS" ]] || fail "FUSEBOX_PROMETHEUS=$FUSEBOX_PROMETHEUS is not an executable file"
    echo "$FUSEBOX_PROMETHEUS"
    exit 0
fi

cache="${FUSEBOX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fusebox}"
found="$(ls -d "$cache"/prometheus-*/usr/bin/prometheus 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -n "$found" && -x "$found" ]]; then
    echo "$found"
    exit 0
fi

how="install Prometheus 2.x and give its binary with -Dfusebox.prometheus=/path/to/prometheus or FUSEBOX_PROMETHEUS"
command -v apt-get >/dev/null 2>&1 || fail "no Prometheus in $cache and no apt-get to fetch Debian's package: $how"
command -v dpkg-deb >/dev/null 2>&1 || fail "no Prometheus in $cache and no dpkg-deb to unpack Debian's package: $how"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-prometheus: fetching Debian's prometheus package into $cache (once) ..." >&2
(cd "$work" && apt-get download prometheus >&2) \
    || fail "apt-get download prometheus failed (no package lists? run apt-get update once), or $how"
deb="$(ls "$work"/prometheus_*.deb)"
version="$(dpkg-deb -f "$deb" Version | tr -c 'A-Za-z0-9.+\n-' '_')"
dir="$cache/prometheus-$version"
dpkg-deb -x "$deb" "$work/unpacked"
[[ -x "$work/unpacked/usr/bin/prometheus" ]] || fail "$deb holds no usr/bin/prometheus"
mkdir -p "$cache"
# another build may have unpacked the same version meanwhile: keep the first
mv -T "$work/unpacked" "$dir" 2>/dev/null || [[ -x "$dir/usr/bin/prometheus" ]] || fail "cannot move it to $dir"
echo "fetch-prometheus: $dir/usr/bin/prometheus" >&2
echo "$dir/usr/bin/prometheus"
