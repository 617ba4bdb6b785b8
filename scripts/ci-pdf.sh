#!/usr/bin/env bash
# Extra CI steps for the PDF sheets: the tests read sheets back with poppler (pdftotext, pdffonts,
# pdfinfo, pdftoppm) and check them with qpdf. They fail loudly in CI when these are missing.
set -euo pipefail
if ! command -v pdftotext >/dev/null || ! command -v qpdf >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils qpdf >/dev/null
fi
pdftotext -v 2>&1 | sed -n 1p
qpdf --version | sed -n 1p
