#!/usr/bin/env bash
# CI checks for the Anki renderer (see docs/anki.md):
#   1. builds every sample deck (input/*.md, tests/anki/fixtures/*.md, ../shared/corpus/*) and runs
#      ../shared/tools/check_apkg.py on each: no error, no warning;
#   2. imports each deck into a fresh Mnemosyne collection through Mnemosyne 2.9's Anki importer;
#   3. imports build 1 then build 2 (one answer edited in between) into ONE collection: the number of
#      facts must not change and the edited answer must show.
# Mnemosyne is unpacked from its Debian package, without its Qt dependencies (only the standard
# library of /usr/bin/python3 is used headless). Environment:
#   MNEMOSYNE_ROOT      where the package is unpacked (default: ~/.cache/revise/mnemosyne)
#   REVISE_SHARED       the shared folder holding tools/ (default: ../shared)
#   REVISE_ANKI_NO_INSTALL=1  fail instead of installing what is missing
#   REVISE_ANKI_NO_BUILD=1    use dist/ as it is instead of running `npm run build`
set -euo pipefail

cd "$(dirname "$0")/.."
SHARED=${REVISE_SHARED:-../shared}
MNEMOSYNE_ROOT=${MNEMOSYNE_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/revise/mnemosyne}
PY=/usr/bin/python3
MNEMO_PY="$MNEMOSYNE_ROOT/usr/lib/python3/dist-packages"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}

fail() { echo "ci-anki: FAIL: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

# --- install -------------------------------------------------------------------------------------
if [ ! -x "$PY" ]; then
  [ "${REVISE_ANKI_NO_INSTALL:-}" = 1 ] && fail "$PY is missing (Debian package python3)"
  as_root apt-get update -qq && as_root apt-get install -y -qq python3 >/dev/null
fi
if [ ! -f "$MNEMO_PY/mnemosyne/script/__init__.py" ]; then
  [ "${REVISE_ANKI_NO_INSTALL:-}" = 1 ] && fail "Mnemosyne is not unpacked in $MNEMOSYNE_ROOT"
  download=$(mktemp -d)
  # `apt-get download` needs no root; the package lists may need an update first.
  if ! (cd "$download" && apt-get download mnemosyne >/dev/null 2>&1); then
    as_root apt-get update -qq
    (cd "$download" && apt-get download mnemosyne >/dev/null 2>&1) || fail "apt-get download mnemosyne failed"
  fi
  mkdir -p "$MNEMOSYNE_ROOT"
  dpkg -x "$download"/mnemosyne_*_all.deb "$MNEMOSYNE_ROOT"
  rm -rf "$download"
fi
[ -f "$SHARED/tools/check_apkg.py" ] || fail "$SHARED/tools/check_apkg.py not found (set REVISE_SHARED)"
[ -f "$SHARED/tools/mnemo_import.py" ] || fail "$SHARED/tools/mnemo_import.py not found (set REVISE_SHARED)"
[ "${REVISE_ANKI_NO_BUILD:-}" = 1 ] || npm run build --silent

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mnemo() { PYTHONPATH="$MNEMO_PY" QT_QPA_PLATFORM=offscreen "$PY" "$SHARED/tools/mnemo_import.py" "$@" 2>&1; }

# --- 1 + 2: every sample deck ----------------------------------------------------------------------
node bin/revise.js build input tests/anki/fixtures --out "$work/decks" --format anki --quiet
# A deck with images (PNG, JPEG, SVG) in its media, formulas and code.
node bin/revise.js build tests/media/fixtures/course --out "$work/decks/media" --format anki --quiet 2>/dev/null
# Real pasted notes, when the shared corpus is there.
if [ -d "$SHARED/corpus" ]; then node bin/revise.js build "$SHARED/corpus" --out "$work/decks/corpus" --format anki --quiet; fi
# The course deck (one sub-deck per file) through the library, as a folder build would make it.
node --input-type=module -e '
  import { readFileSync, readdirSync, writeFileSync } from "node:fs";
  import { parseNotes } from "./dist/parse/parseNotes.js";
  import { ankiRenderer } from "./dist/render/anki/ankiRenderer.js";
  const docs = readdirSync("input").filter((f) => f.endsWith(".md")).sort()
    .map((f) => parseNotes(readFileSync(`input/${f}`, "utf8"), { file: f }).document);
  const bytes = await ankiRenderer.renderCourse(docs, { courseName: "Samples", templatesDir: null,
    timestamp: Number(process.env.SOURCE_DATE_EPOCH), options: {}, report: (m) => console.error(m.message) });
  writeFileSync(process.argv[1], bytes);
' "$work/decks/course.apkg"
decks=$(find "$work/decks" -name '*.apkg' | sort)
[ -n "$decks" ] || fail "no deck was built"
count=0
for deck in $decks; do
  name=${deck#"$work/decks/"}
  report=$(python3 "$SHARED/tools/check_apkg.py" "$deck") || fail "check_apkg.py $name: $report"
  case "$report" in *" 0 error(s), 0 warning(s)"*) ;; *) fail "check_apkg.py $name: $report" ;; esac
  notes=$(sed -n 's/.*: \([0-9]*\) notes, \([0-9]*\) cards.*/\1 \2/p' <<<"$report")
  imported=$(mnemo "$deck") || fail "Mnemosyne could not import $name: $imported"
  got=$(sed -n 's/^after .*: facts=\([0-9]*\) cards=\([0-9]*\).*/\1 \2/p' <<<"$imported")
  [ "$got" = "$notes" ] || fail "Mnemosyne imported $name as 'facts cards' = '$got', expected '$notes'"
  echo "ci-anki: ok $name: check_apkg clean, Mnemosyne imported $notes (notes cards)"
  count=$((count + 1))
done

# Every image of the media deck reaches Mnemosyne's media folder.
names=$(python3 -c 'import json, sys, zipfile; print(" ".join(json.loads(zipfile.ZipFile(sys.argv[1]).read("media")).values()))' "$work/decks/media/physics.apkg")
[ -n "$names" ] || fail "the media deck holds no image"
listed=$(mnemo "$work/decks/media/physics.apkg" | sed -n 's/^media: //p')
for n in $names; do case "$listed" in *"$n"*) ;; *) fail "Mnemosyne did not import image $n (media: $listed)" ;; esac; done
echo "ci-anki: ok media deck: Mnemosyne imported its images ($names)"

# --- 3: import, edit one answer, rebuild over the previous deck, import again ----------------------
mkdir -p "$work/course"
cp tests/anki/fixtures/reimport.md "$work/course/notes.md"
node bin/revise.js build "$work/course/notes.md" --out "$work/out" --format anki --quiet
cp "$work/out/notes.apkg" "$work/build1.apkg"
sed -i 's/^A: The ribosome\.$/A: The ribosome, on the rough endoplasmic reticulum./' "$work/course/notes.md"
grep -q 'rough endoplasmic reticulum' "$work/course/notes.md" || fail "could not edit the fixture"
node bin/revise.js build "$work/course/notes.md" --out "$work/out" --format anki --quiet
cp "$work/out/notes.apkg" "$work/build2.apkg"
both=$(mnemo "$work/build1.apkg" "$work/build2.apkg") || fail "Mnemosyne re-import failed: $both"
facts=$(sed -n 's/^after .*: facts=\([0-9]*\) cards=\([0-9]*\).*/\1 facts, \2 cards/p' <<<"$both" | sort -u)
[ -n "$facts" ] && [ "$(wc -l <<<"$facts")" = 1 ] || fail "facts or cards changed between build 1 and build 2: $(grep '^after' <<<"$both" | tr '\n' ';')"
grep -q 'A: The ribosome, on the rough endoplasmic reticulum\.' <<<"$both" || fail "the edited answer does not show after re-import"
if grep -q 'A: The ribosome\. ' <<<"$both"; then fail "the old answer is still there after re-import"; fi
echo "ci-anki: ok re-import: build 1 then build 2 both give $facts, edited answer shown"
echo "ci-anki: PASS ($count decks checked)"
