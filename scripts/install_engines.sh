#!/usr/bin/env bash
# Install the external SPARQL engines the engine tests start themselves (tests/engines):
# Virtuoso Open Source 7 from Debian (only the server binary and isql: no service, no database,
# nothing started). `oxigraph serve` comes from the PyPI package `oxigraph` (the bench extra).
#
#   scripts/install_engines.sh
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends virtuoso-opensource-7-bin
fi
virtuoso-t +version 2>&1 | head -n 3 || true
