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
         package/dist/testing.js package/dist/testing.cjs package/dist/testing.d.ts package/dist/testing.d.cts \
         package/schemas/fixture.schema.json package/testing/package.json package/docs/fixtures.md \
         package/README.md package/CHANGELOG.md package/LICENSE package/THIRD_PARTY_NOTICES.md package/docs/conventions.md package/docs/cli.md; do
  grep -qx "$f" <<<"$listing" || { echo "check-pack: $f is missing from the tarball" >&2; exit 1; }
done
# The command bundles zod (tsup.config.ts): the notice must hold the licence of the zod it was built with.
if ! diff <(awk '/^```$/{f=!f; next} f' THIRD_PARTY_NOTICES.md) node_modules/zod/LICENSE >/dev/null; then
  echo "check-pack: THIRD_PARTY_NOTICES.md does not hold node_modules/zod/LICENSE as it is now; copy it in" >&2
  exit 1
fi
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
# The testing entry point: a hand-worked fixture (Wed 27 Mar 2024 + 3 WD, skipping Good Friday 29 Mar and
# Easter Monday 1 Apr -> Wed 3 Apr) passes by import and by require, a wrong one fails, and the JSON Schema resolves.
mkdir -p cases
cat > cases/sd.json <<'JSON'
{ "description": "strategy discussion over Easter 2024", "procedure": "strategy-discussion", "asOf": "2024-04-30",
  "case": { "id": "c1", "events": [ { "type": "incident-reported", "date": "2024-03-27" }, { "type": "strategy-discussion", "date": "2024-04-03" } ] },
  "expected": [ { "rule": "strategy-discussion", "occurrence": 1, "due": "2024-04-03", "status": "met", "completed": "2024-04-03",
                  "note": "Wed 27 Mar + 3 WD: Thu 28 (1), [Fri 29 Good Friday], [Mon 1 Easter Monday], Tue 2 (2), Wed 3 (3) -> Wed 3 Apr" } ] }
JSON
sed 's/"due": "2024-04-03", "status": "met"/"due": "2024-04-01", "status": "met-late"/' cases/sd.json > wrong.json
node --input-type=module -e "
import { checkFixture, loadFixtures, FixtureSchema } from 'safeguarding-timescales/testing';
const [f] = loadFixtures('cases');
const r = checkFixture(f);
if (!r.ok || f.name !== 'sd.json') throw new Error(JSON.stringify(r));
const w = checkFixture(loadFixtures('wrong.json')[0]);
if (w.ok || w.differences[0].kind !== 'mismatch') throw new Error('the wrong fixture passed');
console.log('check-pack: testing import works:', f.name, JSON.stringify(r), '; wrong fixture:', w.differences[0].fields.map((x) => x.field + ' ' + x.expected + ' -> ' + x.actual).join(', '));"
node -e "
const { checkFixture, loadFixtures } = require('safeguarding-timescales/testing');
const r = checkFixture(loadFixtures(['cases'])[0]);
if (!r.ok) throw new Error(JSON.stringify(r));
const schema = require('safeguarding-timescales/schemas/fixture.schema.json');
if (!schema.properties.expected) throw new Error('schema without expected');
console.log('check-pack: testing require works; fixture.schema.json resolves:', schema.title);"
npx --no-install timescales test cases/ >/dev/null
echo "check-pack: npx timescales test cases/ passes"
npx --no-install timescales --help >/dev/null
echo "check-pack: npx timescales --help works; $(npx --no-install timescales add 2024-03-27 3wd) = 2024-03-27 + 3wd"
# The HTML report finds the installed chart.js and inlines it.
printf 'case_id,event,date,s47\nC1,strategy-discussion,2024-03-27,true\n' > events.csv
npx --no-install timescales audit --procedure cp-conference --as-of 2024-05-10 --format html --out report.html events.csv 2>/dev/null
grep -q 'Chart.js v4' report.html || { echo "check-pack: the HTML report from the installed package has no Chart.js inside" >&2; exit 1; }
echo "check-pack: the installed command writes a self-contained HTML report ($(wc -c < report.html) bytes)"
cd "$root"
