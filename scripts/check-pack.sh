#!/usr/bin/env bash
# The packed tarball is complete and works from a clean directory:
# `npm pack` (its prepack builds dist/), then, in an empty directory, install
# the tarball and use it by `import`, by `require` and through `npx timescales`.
# Run from the repository root; CI runs it on a fresh, unbuilt clone.
set -euo pipefail
root="$(pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

tarball="$(npm pack --silent --pack-destination "$tmp" | tail -n 1)"
echo "check-pack: packed $tarball"
listing="$(tar -tzf "$tmp/$tarball")"
for f in package/dist/index.js package/dist/index.cjs package/dist/index.d.ts package/dist/index.d.cts package/dist/cli.js \
         package/README.md package/CHANGELOG.md package/LICENSE package/docs/conventions.md package/docs/cli.md; do
  grep -qx "$f" <<<"$listing" || { echo "check-pack: $f is missing from the tarball" >&2; exit 1; }
done
# Every docs/ page the README links to is in the tarball.
for link in $(grep -o '](docs/[^)#]*' README.md | sed 's/^](//' | sort -u); do
  case "$link" in
    */) grep -q "^package/$link" <<<"$listing" ;;
    *) grep -qx "package/$link" <<<"$listing" ;;
  esac || { echo "check-pack: README links to $link, which is not in the tarball" >&2; exit 1; }
done

mkdir "$tmp/app"
cd "$tmp/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$tmp/$tarball"
node --input-type=module -e "import { createCalendar } from 'safeguarding-timescales'; const d = createCalendar().addWorkingDays('2024-03-27', 3); if (d !== '2024-04-03') throw new Error(d); console.log('check-pack: import works:', d);"
node -e "const { createCalendar } = require('safeguarding-timescales'); const d = createCalendar().addWorkingDays('2024-03-27', 3); if (d !== '2024-04-03') throw new Error(d); console.log('check-pack: require works:', d);"
npx --no-install timescales --help >/dev/null
echo "check-pack: npx timescales --help works; $(npx --no-install timescales add 2024-03-27 3wd) = 2024-03-27 + 3wd"
# The HTML report finds the installed chart.js and inlines it.
printf 'case_id,event,date,s47\nC1,strategy-discussion,2024-03-27,true\n' > events.csv
npx --no-install timescales audit --procedure cp-conference --as-of 2024-05-10 --format html --out report.html events.csv 2>/dev/null
grep -q 'Chart.js v4' report.html || { echo "check-pack: the HTML report from the installed package has no Chart.js inside" >&2; exit 1; }
echo "check-pack: the installed command writes a self-contained HTML report ($(wc -c < report.html) bytes)"
cd "$root"
