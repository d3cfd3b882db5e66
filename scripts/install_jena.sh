#!/usr/bin/env bash
# Install a JVM and Apache Jena (Debian packages) for the Jena client test in
# tests/server/test_clients.py (QueryExecutionHTTP and RDFConnection against the real server).
# Needs root for apt-get.
#
#   scripts/install_jena.sh
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v java >/dev/null || [ ! -f /usr/share/java/jena-arq.jar ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
    default-jre-headless libapache-jena-java
fi
java -version 2>&1 | head -1
