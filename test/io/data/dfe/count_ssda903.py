#!/usr/bin/env python3
"""Independent count of the SSDA903 sample, written from the spec (interfaces.md
"Input: DfE SSDA903") and not from the TypeScript reader. Run once by hand:

    python3 test/io/data/dfe/count_ssda903.py fixtures/reference/ssda903-sample

Rules it follows (the same reading the reader documents):
- an episode is unusable if CHILD is blank, DECOM is not a real dd/mm/yyyy date,
  DEC is neither blank nor a real date, or DEC < DECOM;
- a child's usable episodes sorted by (DECOM, file line); walking them, an episode
  whose DECOM is before the previous kept episode's DEC, or that follows a kept
  episode with no DEC, overlaps and is not used; DECOM == previous DEC continues
  the period; any later DECOM starts a new period;
- a review is matched when first DECOM <= REVIEW <= last DEC (or the period is
  open) for one of the child's periods; otherwise unmatched;
- a header row is used when its child has at least one period.
"""
import csv, sys, datetime, collections, os

def read(path):
    with open(path, newline='', encoding='utf-8-sig') as fh:
        rows = list(csv.reader(fh))
    head, body = rows[0], rows[1:]
    return [dict(zip(head, r), _line=i + 2) for i, r in enumerate(body)]  # no multi-line cells in the sample

def date(s):
    try:
        d = datetime.datetime.strptime(s, '%d/%m/%Y').date()
        return d if len(s.split('/')[2]) == 4 else None
    except ValueError:
        return None

def main(folder):
    H = read(os.path.join(folder, 'header.csv'))
    E = read(os.path.join(folder, 'episodes.csv'))
    R = read(os.path.join(folder, 'reviews.csv'))
    ep_bad = 0
    by_child = collections.defaultdict(list)
    for r in E:
        s, e = date(r['DECOM']), (date(r['DEC']) if r['DEC'] else None)
        if not r['CHILD'] or s is None or (r['DEC'] and e is None) or (e and e < s):
            ep_bad += 1
            continue
        by_child[r['CHILD']].append((s, r['_line'], e, r['RNE']))
    periods = {}  # child -> list of [start, end-or-None, episodes, first RNE]
    ep_overlap = 0
    not_s = 0
    carer_changed = 0
    for child, eps in by_child.items():
        eps.sort()
        ps, last = [], None
        for s, line, e, rne in eps:
            if last is not None and (last[2] is None or s < last[2]):
                ep_overlap += 1
                continue
            if last is not None and s == last[2]:
                ps[-1][1] = e
                ps[-1][2] += 1
                if rne in ('P', 'T'):
                    carer_changed += 1
            else:
                ps.append([s, e, 1, rne])
                if rne != 'S':
                    not_s += 1
            last = (s, line, e)
        periods[child] = ps
    n_periods = sum(len(p) for p in periods.values())
    matched = unmatched = rev_bad = 0
    for r in R:
        d = date(r['REVIEW'])
        if not r['CHILD'] or d is None:
            rev_bad += 1
            continue
        if any(p[0] <= d and (p[1] is None or d <= p[1]) for p in periods.get(r['CHILD'], [])):
            matched += 1
        else:
            unmatched += 1
    h_used = sum(1 for r in H if periods.get(r['CHILD']))
    print('children', sum(1 for p in periods.values() if p))
    print('periods', n_periods)
    print('open periods', sum(1 for p in periods.values() for q in p if q[1] is None))
    print('periods not starting with S', not_s)
    print('carer-changed events', carer_changed)
    print('reviews matched', matched, 'unmatched', unmatched, 'unreadable', rev_bad)
    print('header read', len(H), 'used', h_used, 'reported', len(H) - h_used)
    print('episodes read', len(E), 'used', len(E) - ep_bad - ep_overlap,
          'reported', ep_bad + ep_overlap, '(overlapping', ep_overlap, ')')
    print('reviews read', len(R), 'used', matched, 'reported', unmatched + rev_bad)

main(sys.argv[1] if len(sys.argv) > 1 else '.')
