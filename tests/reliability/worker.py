"""A score-writing process for the reliability tests: prints one line per score whose call returned.

Usage: python worker.py DB_URL MEMBER ROUND [LIMIT]
Cells are (meeting, question) pairs of every meeting's agenda, in order; the value of cell i in
round r is ((i + r) % 5) + 1, so every round changes every value it writes.
"""

from __future__ import annotations

import sys


def cells(services) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [(m.id, a.question_id) for m in services.meetings.list() for a in services.meetings.get(m.id).agenda]


def main() -> None:
    from workbench.config import resolve_database
    from workbench.services import open_services

    url, member, round_no = sys.argv[1], sys.argv[2], int(sys.argv[3])
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
    services = open_services(resolve_database(url))
    todo = cells(services)[:limit]
    print("ready", flush=True)
    for i, (meeting_id, question_id) in enumerate(todo):
        value = ((i + round_no) % 5) + 1
        services.scoring.score(meeting_id, question_id, value, member=member)
        print(f"{meeting_id} {question_id} {value}", flush=True)
    print("done", flush=True)
    services.close()


if __name__ == "__main__":
    main()
