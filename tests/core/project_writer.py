"""Records decisions into a project one by one, printing "ok i" after each commit (kill test).

Usage: python -m tests.core.project_writer PROJECT COUNT

Decision i is on the i-th national clause, with the note "意见 i", so the test that kills this
process can tell exactly which decisions must have survived.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

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


def kill_after(path: Path | str, count: int, reported: int) -> tuple[list[int], int, str]:
    """Run this writer on the project for ``count`` decisions and SIGKILL it once it has
    reported ``reported`` commits (or ended). Returns the decision numbers it reported, its
    return code and what it wrote to stderr."""
    repo = Path(__file__).resolve().parents[2]
    seen: list[int] = []
    with subprocess.Popen([sys.executable, "-m", "tests.core.project_writer", str(path), str(count)],
                          cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8") as writer:
        while len(seen) < reported:
            line = writer.stdout.readline()
            if not line:
                break
            seen.append(int(line.split()[1]))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        stderr = writer.stderr.read()
    return seen, writer.returncode, stderr


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
