#!/usr/bin/env bash
# Compare every output of two revisions byte for byte: the DOCX and HTML of specs/ and of every
# scenario, the JSON Schemas, and `pia new` for every form and revision (a refactoring changes none).
#   tools/compare_outputs.sh 3f148e5 [HEAD]
# Prints the files that differ (and the check messages that changed); exit 1 when any document differs.
set -u
old=$1; new=${2:-HEAD}
work=$(mktemp -d /tmp/pia-compare-XXXX); trap 'git worktree remove --force "$work/old" >/dev/null 2>&1; git worktree remove --force "$work/new" >/dev/null 2>&1; rm -rf "$work"' EXIT
snapshot() {  # snapshot TREE DEST
  local tree=$1 dest=$2; mkdir -p "$dest"
  run() { (cd "$1" && PYTHONPATH="$tree" python3 -m generator "${@:2}"); }
  run "$tree" build --out "$dest/specs" >/dev/null 2>"$dest/specs.err"
  for folder in "$tree"/tests/scenarios/*/; do
    [ -d "$folder/specs" ] || continue
    run "$folder" build --out "$dest/scenarios/$(basename "$folder")" >/dev/null 2>"$dest/scenario-$(basename "$folder").err"
  done
  run "$tree" schema --write "$dest/schemas" >/dev/null 2>&1
  # every form and revision the tree knows (a form one tree lacks shows as "Only in")
  (cd "$tree" && PYTHONPATH="$tree" python3 -c 'from generator.forms import FORMS; print("\n".join(f"{n}\t{r}" for n, r in FORMS))') |
  while IFS=$'\t' read -r form revision; do
    run "$tree" new --form "$form" --revision "$revision" </dev/null >"$dest/new-$form-$revision.yaml" 2>&1
  done
  find "$dest" -name .pia-cache.json -delete
}
git worktree add -q --detach "$work/old" "$old" && git worktree add -q --detach "$work/new" "$new"
snapshot "$work/old" "$work/a"; snapshot "$work/new" "$work/b"
diff -rq "$work/a" "$work/b"
! diff -rq "$work/a" "$work/b" | grep -v '\.err ' | grep -q .
