#!/usr/bin/env bash
# Installs Debian's dovecot-imapd for the PEC receipt tests (test/e2e/pec-receipts.test.ts starts its own
# throwaway server on a free loopback port; nothing is started here). Idempotent; .ci/run calls it as root.
set -euo pipefail
if ! command -v dovecot >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dovecot-imapd >/dev/null
fi
# the packaged service is not needed: tests run their own instance
if command -v systemctl >/dev/null 2>&1; then systemctl stop dovecot >/dev/null 2>&1 || true; fi
dovecot --version
