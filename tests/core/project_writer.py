"""Records decisions into a project one by one, printing "ok i" after each commit (kill test).

Usage: python -m tests.core.project_writer PROJECT COUNT

Decision i is on the i-th national clause, with the note "意见 i", so the test that kills this
process can tell exactly which decisions must have survived.
"""

from __future__ import annotations

import sys

from core.model import ReviewDecision, Status
from core.project import Project


def main(path: str, count: int) -> None:
    with Project.open(path) as project:
        findings = project.comparison.clauses
        for index in range(count):
            finding = findings[index % len(findings)]
            project.record(ReviewDecision(
                item=f"N{finding.clause.id}",
                status=(Status.COVERED, Status.PARTIAL, Status.MISSING)[index % 3],
                note=f"意见 {index}", reviewer="审核人"))
            print(f"ok {index}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
