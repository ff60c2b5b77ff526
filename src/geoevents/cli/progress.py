"""Progress of a long run (ingest, recode, demo) on standard error.

On a terminal: a rich progress bar with the count, the rate and, when the number of
documents is known (recode; ingest of JSON Lines or CSV files, counted by lines before
reading), the total, the percentage and the time left. When standard error is not a
terminal (a log file, a pipe, a scheduler): one plain line every ``every`` seconds
(setting ``progress_seconds``) and a last one at the end, so a long run leaves a trace
without escape codes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

#: Called after each committed batch with (documents in the batch, total or None).
Advance = Callable[[int, int | None], None]


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def progress_line(label: str, done: int, total: int | None, elapsed: float, unit: str = "documents") -> str:
    """``ingesting: 512 of 2,000 documents (25.6%), 12.3/s, 2 min 01 s left`` (or without the
    total: ``ingesting: 512 documents, 12.3/s, 41 s elapsed``)."""
    rate = done / elapsed if elapsed > 0 else 0.0
    if total:
        line = f"{label}: {done:,} of {total:,} {unit} ({100 * done / total:.1f}%), {rate:.1f}/s"
        if done < total and rate > 0:
            line += f", {_duration((total - done) / rate)} left"
        return line + f", {_duration(elapsed)} elapsed"
    return f"{label}: {done:,} {unit}, {rate:.1f}/s, {_duration(elapsed)} elapsed"


@contextmanager
def plain_progress(label: str, stream: IO[str], every: float, total: int | None = None,
                   clock: Callable[[], float] = time.monotonic) -> Iterator[Advance]:
    """A line on ``stream`` at most every ``every`` seconds, and one at the end if any came before
    or the run took longer than ``every``."""
    start = last = clock()
    state = {"done": 0, "total": total, "lines": 0}

    def write() -> None:
        stream.write(f"geoevents: {progress_line(label, state['done'], state['total'], clock() - start)}\n")
        stream.flush()
        state["lines"] += 1

    def advance(done: int, total: int | None) -> None:
        nonlocal last
        state["done"] += done
        if total is not None:
            state["total"] = total
        now = clock()
        if now - last >= every:
            last = now
            write()

    yield advance
    if state["done"] and (state["lines"] or clock() - start >= every):
        write()


@contextmanager
def bar_progress(label: str, total: int | None = None) -> Iterator[Advance]:
    """A rich progress bar on standard error (a pulsing one while the total is unknown), with
    the count, percentage, rate, time elapsed and time left; removed when the run ends."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn
    from rich.text import Text

    class Figures(ProgressColumn):
        def render(self, task):  # type: ignore[no-untyped-def]
            elapsed = task.finished_time if task.finished else task.elapsed
            rate = task.speed or (task.completed / elapsed if elapsed else 0.0)
            parts = [f"{task.completed:,.0f} of {task.total:,.0f} documents ({task.percentage:.0f}%)"
                     if task.total else f"{task.completed:,.0f} documents",
                     f"{rate:.1f}/s", f"{_duration(elapsed or 0)} elapsed"]
            if task.total and rate and task.completed < task.total:
                parts.append(f"{_duration((task.total - task.completed) / rate)} left")
            return Text(" · ".join(parts), style="progress.data.speed")

    with Progress(SpinnerColumn(), TextColumn(label), BarColumn(bar_width=24), Figures(),
                  console=Console(stderr=True, highlight=False), transient=True,
                  speed_estimate_period=120) as bar:
        task = bar.add_task(label, total=total)

        def advance(done: int, total: int | None) -> None:
            bar.update(task, advance=done, **({"total": total} if total is not None else {}))

        yield advance


@contextmanager
def progress(label: str, every: float, total: int | None = None, stream: IO[str] | None = None
             ) -> Iterator[Advance]:
    """A bar on a terminal, plain lines every ``every`` seconds otherwise."""
    stream = stream or sys.stderr
    if stream.isatty():
        with bar_progress(label, total) as advance:
            yield advance
    else:
        with plain_progress(label, stream, every, total) as advance:
            yield advance
