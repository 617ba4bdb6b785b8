#!/usr/bin/env bash
# Extra CI step for the quiz page: tests/quiz/browser.test.ts drives Debian's chromium with
# playwright-core (which never downloads a browser of its own). It fails loudly in CI without it.
set -euo pipefail
if ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
chromium --version
