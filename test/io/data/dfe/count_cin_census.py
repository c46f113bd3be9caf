#!/usr/bin/env python3
"""Independent count of the CIN census samples, written from the spec
(interfaces.md "Input: DfE CIN census") with xml.etree, not from the
TypeScript reader. Run once by hand:

    python3 test/io/data/dfe/count_cin_census.py fixtures/reference/cin-census-sample/*.xml

Mapping counted (one event per element, except as noted):
  CINreferralDate → referral; CINclosureDate → closure;
  ReferralNFA true|1 → referral-nfa (dated the referral);
  Assessments[/Assessment]/AssessmentActualStartDate → assessment-started AND core-assessment-started,
    .../AssessmentAuthorisationDate → assessment-completed AND core-assessment-completed;
  CINPlanDates/CINPlanStartDate → cin-plan-started, CINPlanEndDate → cin-plan-ended;
  Section47/S47ActualStartDate → strategy-discussion AND s47-started (two events);
  DateOfInitialCPC in CINdetails and in Section47 → icpc, one per distinct date per CINdetails;
  Section47/ICPCnotRequired true|1 → icpc-not-required;
  ChildProtectionPlans[/ChildProtectionPlan]/CPPstartDate → cp-plan-started,
    CPPendDate → cp-plan-ended, Reviews/CPPreviewDate → rcpc.
"""
import sys, collections, datetime
import xml.etree.ElementTree as ET

PROC = {
    'national-assessment-cp': {'referral', 'referral-nfa', 'assessment-started', 'assessment-completed', 's47-started',
                               'strategy-discussion', 'icpc', 'icpc-not-required', 'cp-plan-started', 'rcpc', 'cp-plan-ended'},
    'strategy-discussion': {'strategy-discussion', 's47-started', 'core-assessment-completed'},
    'cp-conference': {'strategy-discussion', 'icpc', 'icpc-not-required', 'cp-plan-started', 'rcpc', 'cp-plan-ended'},
    'ics-records': {'referral', 's47-started', 'core-assessment-started', 'core-assessment-completed',
                    'cin-plan-started', 'cin-plan-ended', 'closure'},
}

def valid(s):
    try:
        datetime.date.fromisoformat(s)
        return len(s) == 10
    except (TypeError, ValueError):
        return False

def texts(parent, path):
    return [(e.text or '').strip() for e in parent.findall(path)]

def child_events(child):
    ev = []
    for d in child.findall('CINdetails'):
        ev += [('referral', t) for t in texts(d, 'CINreferralDate')]
        if any(x.lower() in ('true', '1') for x in texts(d, 'ReferralNFA')):
            ev += [('referral-nfa', t) for t in texts(d, 'CINreferralDate')]
        ev += [('closure', t) for t in texts(d, 'CINclosureDate')]
        for a in d.findall('Assessments') + d.findall('Assessments/Assessment'):
            for t in texts(a, 'AssessmentActualStartDate'):
                ev += [('assessment-started', t), ('core-assessment-started', t)]
            for t in texts(a, 'AssessmentAuthorisationDate'):
                ev += [('assessment-completed', t), ('core-assessment-completed', t)]
        for p in d.findall('CINPlanDates'):
            ev += [('cin-plan-started', t) for t in texts(p, 'CINPlanStartDate')]
            ev += [('cin-plan-ended', t) for t in texts(p, 'CINPlanEndDate')]
        icpc = texts(d, 'DateOfInitialCPC')
        for s in d.findall('Section47'):
            for t in texts(s, 'S47ActualStartDate'):
                ev += [('strategy-discussion', t), ('s47-started', t)]
                if any(x in ('true', '1') for x in texts(s, 'ICPCnotRequired')):
                    ev.append(('icpc-not-required', t))
            icpc += texts(s, 'DateOfInitialCPC')
        ev += [('icpc', t) for t in dict.fromkeys(icpc)]  # distinct, in order
        for p in d.findall('ChildProtectionPlans') + d.findall('ChildProtectionPlans/ChildProtectionPlan'):
            ev += [('cp-plan-started', t) for t in texts(p, 'CPPstartDate')]
            ev += [('cp-plan-ended', t) for t in texts(p, 'CPPendDate')]
            ev += [('rcpc', t) for t in texts(p, 'Reviews/CPPreviewDate')]
    return ev

for f in sys.argv[1:]:
    root = ET.parse(f).getroot()
    children = root.findall('Children/Child')
    ids = [c.findtext('ChildIdentifiers/LAchildID') for c in children]
    allev = [e for c in children for e in child_events(c)]
    bad = [e for e in allev if not valid(e[1])]
    print(f)
    print('  children', len(children), 'without id', sum(1 for i in ids if not (i or '').strip()),
          'distinct ids', len(set(ids)))
    print('  events', len(allev), 'unreadable dates', len(bad), bad[:5])
    print('  by type', dict(sorted(collections.Counter(t for t, _ in allev).items())))
    for p, types in PROC.items():
        print('  procedure', p, sum(1 for t, _ in allev if t in types))
    print('  dob', sum(1 for c in children if valid(c.findtext('ChildIdentifiers/PersonBirthDate'))))
