#!/usr/bin/env python3
"""Splits ThreadSanitizer reports (stdin) for scripts/tsan.

A report with a Qt hand-over frame in either stack (a queued call or posted event being
delivered, QObject::moveToThread, QThread start/finish) is counted as "through Qt": the
synchronisation that orders those accesses is inside Debian's uninstrumented Qt, where TSan
cannot see it. Every other report is written to the file named by argv[1], for review. Prints
"N report(s): H through Qt hand-overs, O other".
"""
import re
import sys

HANDOVER = re.compile(
    r"QMetaObject::invokeMethodImpl|QMetaCallEvent|QCoreApplicationPrivate::sendPostedEvents|"
    r"QObject::moveToThread|QThread::start|QThreadPrivate::|queued_activate")

text = sys.stdin.read()
reports = re.split(r"(?m)^==================\n", text)
reports = [r for r in reports if "WARNING: ThreadSanitizer" in r]
through_qt = [r for r in reports if HANDOVER.search(r)]
other = [r for r in reports if not HANDOVER.search(r)]
with open(sys.argv[1], "w") as out:
    for report in other:
        out.write("==================\n" + report)
print(f"{len(reports)} report(s): {len(through_qt)} through Qt hand-overs, {len(other)} other")
