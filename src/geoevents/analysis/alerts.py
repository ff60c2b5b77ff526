"""Shift alerts: a relationship breaks from its own recent baseline (docs/alerts.md).

For every pair of countries (a *dyad*, events in either direction) and every country's
overall profile (all its partners together) three series are followed, period by period
(week; day too when the store is busy enough):

- ``cooperation`` and ``conflict``: events of QuadClass 1-2 and 3-4, per article published in
  the period (the store's article volume, near-duplicates once);
- ``goldstein``: the mean Goldstein score of the events.

What counts: one row per real-world event (its event group, so one story reported by many
outlets counts once), placed in the period its first report was published; statements (CAMEO
01-02), negated and hypothetical events, events without two different countries, and
background events (dated more than ``max_event_age_days`` before their article) do not.

The test, at each period, for a window of the last one and of the last two periods against
the ``baseline_periods`` before the window:

- counts: the exact conditional test of two Poisson rates (the window's count given the
  window's and the baseline's total is binomial with p = window articles / all articles),
  ``scipy.stats`` binomial tails, with the counts divided by the baseline's overdispersion
  (Pearson chi-square / df, at least 1: quasi-Poisson);
- Goldstein: the Mann-Whitney U test of the window's scores against the baseline's.

A shift is flagged when the p-value, times the number of windows tried (Bonferroni), is under
``alpha`` and the effect is large enough (rate ratio ``min_ratio``, Goldstein shift
``min_goldstein_shift``, ``min_events``). After a shift the series' baseline restarts at the
shifted window: the new level becomes the norm once ``min_baseline_periods`` of it are seen,
so a lasting change raises one alert, not one per period. Alerts already stored restart the
baseline the same way, so recomputing over a grown store raises nothing twice.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shlex
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from geoevents.analysis.query import event_key_sql, has_table
from geoevents.errors import InputError
from geoevents.model import ALERT_SERIES, Alert
from geoevents.store import Store

log = logging.getLogger("geoevents.alerts")

PERIOD_DAYS: dict[str, int] = {"week": 7, "day": 1}


@dataclass(frozen=True)
class AlertSettings:
    """The detector's parameters (docs/alerts.md explains each and how they were chosen)."""

    #: "auto": week, plus day when the median publishing day has ``day_min_articles`` articles
    periods: str | tuple[str, ...] = "auto"
    day_min_articles: int = 100
    #: periods with fewer articles are left out of the series (too few to measure a rate)
    min_period_articles: int = 5
    #: periods (with articles) before the window that make its baseline
    baseline_periods: int = 12
    #: no test with fewer baseline periods (start of the store, just after a shift)
    min_baseline_periods: int = 4
    #: nor with fewer articles over the baseline
    min_baseline_articles: int = 20
    #: windows tried at each period: the last period, the last two
    windows: tuple[int, ...] = (1, 2)
    #: significance level, after the Bonferroni correction for the windows tried
    alpha: float = 0.001
    #: counts: the window's rate at least this times the baseline's (or at most 1/this)
    min_ratio: float = 2.0
    #: counts: at least this many events in the window (up) or expected there (down)
    min_events: int = 3
    #: divide the counts by the baseline's overdispersion (quasi-Poisson)
    overdispersion: bool = True
    #: the dispersion used is Pearson's chi-square over this quantile of its chi-square
    #: distribution: a cautious (upper) estimate from a few baseline periods
    dispersion_quantile: float = 0.25
    #: Goldstein: the window's mean at least this far from the baseline's
    min_goldstein_shift: float = 2.0
    #: Goldstein: events needed in the window and in the baseline
    min_goldstein_events: int = 5
    min_goldstein_baseline: int = 10
    #: statuses that count (negated and hypothetical events assert nothing happened)
    statuses: tuple[str, ...] = ("occurred", "reported", "planned")
    #: events dated more than this many days before their article are background, not news
    max_event_age_days: int = 30
    #: events listed per alert (the articles of all of them are listed)
    max_events_listed: int = 200

    def __post_init__(self) -> None:
        if self.min_baseline_periods < 2 or self.baseline_periods < self.min_baseline_periods:
            raise InputError("alerts: need baseline_periods >= min_baseline_periods >= 2")
        if not 0 < self.alpha < 1 or self.min_ratio < 1:
            raise InputError("alerts: need 0 < alpha < 1 and min_ratio >= 1")


@dataclass
class Shift:
    """One flagged break in one series: indices into the series' periods."""

    index: int  # the period it was detected in (the window's last)
    window_start: int
    baseline_start: int
    direction: str
    observed: float
    baseline: float
    effect: float
    p_value: float
    events: int
    articles: float
    baseline_events: int
    baseline_articles: float


# -- the tests, on plain arrays (the benchmark and the store use the same code) --------------------


def _upper_tail(k: float, n: float, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), for real k, n (counts scaled by a dispersion)."""
    from scipy import special  # imported when testing: the CLI starts without scipy

    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    return float(special.betainc(k, n - k + 1, p))


def _lower_tail(k: float, n: float, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p), for real k, n."""
    from scipy import special

    if k >= n:
        return 1.0
    return float(special.betainc(n - k, k + 1, 1 - p))


def _dispersion(x: np.ndarray, n: np.ndarray, quantile: float = 0.5) -> float:
    """The baseline's overdispersion: Pearson chi-square of its periods around their common
    rate, over the ``quantile`` of the chi-square distribution (df = periods - 1); at least 1.
    A quantile under 0.5 errs on the high side, as a few periods easily underestimate it."""
    from scipy import stats

    rate = x.sum() / n.sum()
    if rate <= 0 or len(x) < 2:
        return 1.0
    expected = rate * n
    pearson = float(((x - expected) ** 2 / expected).sum())
    return max(1.0, pearson / float(stats.chi2.ppf(quantile, len(x) - 1)))


def _count_test(xr: float, nr: float, xb: np.ndarray, nb: np.ndarray,
                s: AlertSettings) -> tuple[str, float, float, float, float] | None:
    """(direction, p, ratio, window rate, baseline rate) when the window's count breaks away."""
    base_x, base_n = float(xb.sum()), float(nb.sum())
    rate_r, rate_b = xr / nr, base_x / base_n
    expected = rate_b * nr
    if xr >= s.min_events and xr / nr >= s.min_ratio * max(base_x, 0.5) / base_n:
        direction = "up"
    elif expected >= s.min_events and rate_r * s.min_ratio <= rate_b:
        direction = "down"
    else:
        return None
    phi = _dispersion(xb, nb, s.dispersion_quantile) if s.overdispersion else 1.0
    k, total, p0 = xr / phi, (xr + base_x) / phi, nr / (nr + base_n)
    p = _upper_tail(k, total, p0) if direction == "up" else _lower_tail(k, total, p0)
    ratio = rate_r / (max(base_x, 0.5) / base_n)
    return direction, p, ratio, rate_r, rate_b


def _windows(i: int, reset: int, s: AlertSettings) -> Iterable[tuple[int, int]]:
    """(window start, baseline start) for each window tried at period i."""
    for w in s.windows:
        start = i - w + 1
        base = max(reset, start - s.baseline_periods)
        if start - base >= s.min_baseline_periods:
            yield start, base


def count_shifts(counts: Sequence[float], articles: Sequence[float], s: AlertSettings | None = None,
                 *, raised: dict[int, int] | None = None) -> list[Shift]:
    """Shifts of a count series with its article volumes, one value per period with articles.

    ``raised`` maps period index -> window start of alerts raised before: they are not
    flagged again and restart the baseline as a new one would.
    """
    s = s or AlertSettings()
    x, n = np.asarray(counts, dtype=float), np.asarray(articles, dtype=float)
    raised = raised or {}
    shifts: list[Shift] = []
    reset = 0
    for i in range(len(x)):
        if i in raised:
            reset = raised[i]
            continue
        best: Shift | None = None
        for start, base in _windows(i, reset, s):
            nr, nb = n[start:i + 1].sum(), n[base:start]
            if nr <= 0 or nb.sum() < s.min_baseline_articles:
                continue
            xr = float(x[start:i + 1].sum())
            found = _count_test(xr, nr, x[base:start], nb, s)
            if found is None:
                continue
            direction, p, ratio, rate_r, rate_b = found
            p = min(1.0, p * len(s.windows))
            if p < s.alpha and (best is None or p < best.p_value):
                best = Shift(i, start, base, direction, rate_r, rate_b, ratio, p, int(xr), nr,
                             int(x[base:start].sum()), float(nb.sum()))
        if best is not None:
            shifts.append(best)
            reset = best.window_start
    return shifts


def mean_shifts(scores: Sequence[Sequence[float]], articles: Sequence[float] | None = None,
                s: AlertSettings | None = None, *, raised: dict[int, int] | None = None) -> list[Shift]:
    """Shifts of the mean of per-event scores (Goldstein), one list of scores per period."""
    s = s or AlertSettings()
    per = [np.asarray(v, dtype=float) for v in scores]
    n = np.asarray(articles if articles is not None else [1.0] * len(per), dtype=float)
    sizes = np.array([len(v) for v in per])
    raised = raised or {}
    shifts: list[Shift] = []
    reset = 0
    for i in range(len(per)):
        if i in raised:
            reset = raised[i]
            continue
        best: Shift | None = None
        for start, base in _windows(i, reset, s):
            if sizes[start:i + 1].sum() < s.min_goldstein_events or \
                    sizes[base:start].sum() < s.min_goldstein_baseline:
                continue
            recent, before = np.concatenate(per[start:i + 1]), np.concatenate(per[base:start])
            delta = float(recent.mean() - before.mean())
            if abs(delta) < s.min_goldstein_shift:
                continue
            from scipy import stats

            p = float(stats.mannwhitneyu(recent, before, alternative="two-sided").pvalue)
            p = min(1.0, p * len(s.windows))
            if p < s.alpha and (best is None or p < best.p_value):
                best = Shift(i, start, base, "up" if delta > 0 else "down", float(recent.mean()),
                             float(before.mean()), delta, p, len(recent), float(n[start:i + 1].sum()),
                             len(before), float(n[base:start].sum()))
        if best is not None:
            shifts.append(best)
            reset = best.window_start
    return shifts


# -- the series, from the store ------------------------------------------------------------------


def counted_events(con: duckdb.DuckDBPyConnection, s: AlertSettings | None = None) -> pd.DataFrame:
    """One row per real-world event that the series count: its two countries (sorted), the day
    of its first report, QuadClass, Goldstein, its first report and the articles reporting it."""
    s = s or AlertSettings()
    join, key, report = event_key_sql(con)
    statuses = ", ".join("'" + re.sub(r"[^a-z]", "", x) + "'" for x in s.statuses)
    sql = f"""
    WITH ev AS (
      SELECT e.doc_id, e.position, least(e.source_country, e.target_country) AS a,
             greatest(e.source_country, e.target_country) AS b, e.quad_class, e.goldstein,
             d.published_date AS day, {key} AS key, {report} AS report
      FROM events e {join} JOIN documents d ON d.doc_id = e.doc_id
      WHERE e.source_country IS NOT NULL AND e.target_country IS NOT NULL
        AND e.source_country <> e.target_country AND e.quad_class BETWEEN 1 AND 4
        AND NOT starts_with(e.cameo, '01') AND NOT starts_with(e.cameo, '02')
        AND coalesce(e.status, 'occurred') IN ({statuses})
        AND d.published_date IS NOT NULL
        AND (e.date_to IS NULL OR e.date_to >= d.published_date - INTERVAL {int(s.max_event_age_days)} DAY)
    )
    SELECT key, any_value(a) AS a, any_value(b) AS b, min(day) AS day,
           CAST(any_value(quad_class) AS INTEGER) AS quad_class, avg(goldstein) AS goldstein,
           arg_min(doc_id, (day, doc_id, position)) AS doc_id,
           arg_min(position, (day, doc_id, position)) AS position,
           list(DISTINCT report ORDER BY report) AS documents
    FROM ev GROUP BY key ORDER BY day, doc_id, position
    """
    frame = con.execute(sql).df()
    frame["day"] = pd.to_datetime(frame["day"])
    return frame


def article_volume(con: duckdb.DuckDBPyConnection) -> pd.Series:
    """Articles published per day that could carry events: extracted, near-duplicates once."""
    dup = ""
    if has_table(con, "document_fingerprints"):
        dup = ("AND d.doc_id NOT IN (SELECT doc_id FROM document_fingerprints "
               "WHERE duplicate_of IS NOT NULL)")
    frame = con.execute(f"""SELECT d.published_date AS day, count(*) AS articles FROM documents d
                            WHERE d.published_date IS NOT NULL AND d.skipped IS NULL {dup}
                            GROUP BY ALL ORDER BY day""").df()
    return pd.Series(frame["articles"].to_numpy(dtype=float), index=pd.to_datetime(frame["day"]),
                     name="articles")


def choose_periods(volume: pd.Series, s: AlertSettings) -> tuple[str, ...]:
    if s.periods != "auto":
        periods = (s.periods,) if isinstance(s.periods, str) else tuple(s.periods)
        bad = [p for p in periods if p not in PERIOD_DAYS]
        if bad:
            raise InputError(f"alerts: period {bad[0]!r}: choose from {', '.join(PERIOD_DAYS)}")
        return periods
    busy = not volume.empty and float(volume.median()) >= s.day_min_articles
    return ("week", "day") if busy else ("week",)


def _period_start(days: pd.Series | pd.DatetimeIndex, period: str) -> Any:
    if period == "week":  # ISO weeks, Monday first, as the relations' date_trunc('week')
        return days - pd.to_timedelta(days.day_of_week if isinstance(days, pd.DatetimeIndex)
                                      else days.dt.day_of_week, unit="D")
    return days


def _series_key(scope: str, a: str, b: str | None, series: str, period: str) -> str:
    return f"{scope}:{a}:{b or '*'}:{series}:{period}"


def alert_key(scope: str, a: str, b: str | None, series: str, period: str, start: str, direction: str) -> str:
    return f"{_series_key(scope, a, b, series, period)}:{start}:{direction}"


@dataclass
class _Series:
    scope: str
    a: str
    b: str | None
    rows: pd.DataFrame  # the counted events of this scope, with their period index


@dataclass
class _Frame:
    period: str
    starts: list[date]  # periods with articles, in order
    articles: np.ndarray
    index: dict[date, int] = field(default_factory=dict)


def _scopes(events: pd.DataFrame) -> Iterable[tuple[str, str, str | None, pd.DataFrame]]:
    for (a, b), part in events.groupby(["a", "b"], sort=True):
        yield "dyad", str(a), str(b), part
    both = pd.concat([events.assign(country=events["a"]), events.assign(country=events["b"])])
    for country, part in both.groupby("country", sort=True):
        yield "country", str(country), None, part


def _shift_alert(shift: Shift, series: str, scope: str, a: str, b: str | None, frame: _Frame,
                 rows: pd.DataFrame, s: AlertSettings) -> Alert:
    days = PERIOD_DAYS[frame.period]
    start = frame.starts[shift.window_start]
    end = frame.starts[shift.index] + timedelta(days=days - 1)
    inside = rows[(rows["pidx"] >= shift.window_start) & (rows["pidx"] <= shift.index)]
    if series == "cooperation":
        inside = inside[inside["quad_class"] <= 2]
    elif series == "conflict":
        inside = inside[inside["quad_class"] >= 3]
    refs = [{"doc_id": d, "position": int(p)} for d, p in zip(inside["doc_id"], inside["position"],
                                                               strict=True)][:s.max_events_listed]
    documents = sorted({d for docs in inside["documents"] for d in docs})
    period_start = frame.starts[shift.index].isoformat()
    return Alert(
        key=alert_key(scope, a, b, series, frame.period, period_start, shift.direction),
        scope=scope, country_a=a, country_b=b, series=series, period=frame.period,
        period_start=period_start, window_start=start.isoformat(), window_end=end.isoformat(),
        direction=shift.direction, observed=round(shift.observed, 4), baseline=round(shift.baseline, 4),
        effect=round(shift.effect, 3), p_value=float(f"{shift.p_value:.3g}"), events_count=shift.events,
        volume=int(shift.articles), baseline_start=frame.starts[shift.baseline_start].isoformat(),
        baseline_events=shift.baseline_events, baseline_volume=int(shift.baseline_articles),
        events=refs, documents=documents)


def _raised_index(stored: Iterable[Alert], frames: dict[str, _Frame]) -> dict[str, dict[int, int]]:
    """Series key -> {period index: window start index} of the alerts stored before."""
    out: dict[str, dict[int, int]] = {}
    for alert in stored:
        frame = frames.get(alert.period)
        if frame is None:
            continue
        i = frame.index.get(date.fromisoformat(alert.period_start))
        start = frame.index.get(date.fromisoformat(alert.window_start))
        if i is None or start is None:
            continue
        key = _series_key(alert.scope, alert.country_a, alert.country_b, alert.series, alert.period)
        out.setdefault(key, {})[i] = start
    return out


def detect_alerts(con: duckdb.DuckDBPyConnection, s: AlertSettings | None = None,
                  stored: Iterable[Alert] = ()) -> list[Alert]:
    """Every shift in the store's series, over its whole span, as Alerts (not stored).

    ``stored``: alerts raised before; their periods are not flagged again, and a shift found
    where one was stored comes back under the stored key (it is the same alert).
    """
    s = s or AlertSettings()
    volume = article_volume(con)
    events = counted_events(con, s)
    if volume.empty or events.empty:
        return []
    frames = {period: _frame(volume, period, s) for period in choose_periods(volume, s)}
    stored = list(stored)
    raised = _raised_index(stored, frames)
    alerts: list[Alert] = []
    for period, frame in frames.items():
        pstart = _period_start(events["day"], period).dt.date
        ev = events.assign(pidx=pstart.map(frame.index))
        ev = ev[ev["pidx"].notna()].astype({"pidx": int})
        for scope, a, b, rows in _scopes(ev):
            if len(rows) < s.min_events:
                continue
            m = len(frame.starts)
            quad = rows["quad_class"].to_numpy()
            pidx = rows["pidx"].to_numpy()
            coop = np.bincount(pidx[quad <= 2], minlength=m)
            conflict = np.bincount(pidx[quad >= 3], minlength=m)
            scored = rows[rows["goldstein"].notna()]
            scores: list[list[float]] = [[] for _ in range(m)]
            for i, g in zip(scored["pidx"], scored["goldstein"], strict=True):
                scores[i].append(float(g))
            for series in ALERT_SERIES:
                before = raised.get(_series_key(scope, a, b, series, period), {})
                if series == "goldstein":
                    shifts = mean_shifts(scores, frame.articles, s, raised=before)
                else:
                    shifts = count_shifts(coop if series == "cooperation" else conflict, frame.articles, s,
                                          raised=before)
                alerts += [_shift_alert(x, series, scope, a, b, frame, rows, s) for x in shifts]
    return sorted(alerts, key=lambda x: (x.period_start, x.scope, x.country_a, x.country_b or "", x.series,
                                         x.period))


def _frame(volume: pd.Series, period: str, s: AlertSettings) -> _Frame:
    per = volume.groupby(_period_start(volume.index, period)).sum()
    per = per[per >= s.min_period_articles]
    starts = [ts.date() for ts in per.index]
    return _Frame(period, starts, per.to_numpy(dtype=float), {d: i for i, d in enumerate(starts)})


def alert_charts(con: duckdb.DuckDBPyConnection, alerts: Sequence[Alert], s: AlertSettings | None = None,
                 *, before: int = 2, after: int = 4) -> dict[str, list[dict[str, Any]]]:
    """Each alert's series around it, for a chart: one row per period from a little before
    its baseline to a few periods after its window, with the period's articles, the events
    the series counts and its value (events per article, or mean Goldstein), and which part
    of the test the period was (before, baseline, window, after)."""
    s = s or AlertSettings()
    if not alerts:
        return {}
    volume = article_volume(con)
    events = counted_events(con, s)
    out: dict[str, list[dict[str, Any]]] = {}
    frames = {p: _frame(volume, p, s) for p in {a.period for a in alerts} if p in PERIOD_DAYS}
    for alert in alerts:
        frame = frames.get(alert.period)
        if frame is None or not frame.starts:
            out[alert.key] = []
            continue
        a, b = events["a"] == alert.country_a, events["b"] == (alert.country_b or alert.country_a)
        ev = events[a & b] if alert.country_b else events[a | b]
        if alert.series == "cooperation":
            ev = ev[ev["quad_class"] <= 2]
        elif alert.series == "conflict":
            ev = ev[ev["quad_class"] >= 3]
        else:
            ev = ev[ev["goldstein"].notna()]
        pstart = _period_start(ev["day"], alert.period).dt.date
        grouped = ev.assign(p=pstart).groupby("p")
        counts, means = grouped.size().to_dict(), grouped["goldstein"].mean().to_dict()
        index = frame.index
        base = index.get(date.fromisoformat(alert.baseline_start), 0)
        first = index.get(date.fromisoformat(alert.window_start), base)
        last = index.get(date.fromisoformat(alert.period_start), first)
        rows = []
        for i in range(max(0, base - before), min(len(frame.starts), last + after + 1)):
            start, n = frame.starts[i], float(frame.articles[i])
            count = int(counts.get(start, 0))
            value = (None if count == 0 else round(float(means[start]), 3)) if alert.series == "goldstein" \
                else round(count / n, 4)
            part = "before" if i < base else "baseline" if i < first else "window" if i <= last else "after"
            rows.append({"period": start.isoformat(), "articles": int(n), "events": count, "value": value,
                         "part": part})
        out[alert.key] = rows
    return out


def refresh_alerts(store: Store, settings: AlertSettings | None = None) -> list[Alert]:
    """Detect over the whole store, store the alerts not stored yet, return those (the new ones).

    Safe to call after every ingest or poll: an alert is raised once per key, and the stored
    ones restart their series' baseline, so a lasting change is not raised again.
    """
    found = detect_alerts(store.connection, settings, stored=store.alerts())
    return store.write_alerts(found)


def parse_since(value: str | None) -> str | None:
    """'2025', '2025-11' or '2025-11-26' -> the first day, ISO; an InputError otherwise."""
    if value is None:
        return None
    text = value.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    try:
        if not match:
            raise ValueError
        return date(int(match[1]), int(match[2] or 1), int(match[3] or 1)).isoformat()
    except ValueError:
        raise InputError(f"since {value!r}: expected an ISO date such as 2025-11-01") from None


# -- telling someone -----------------------------------------------------------------------------


def describe(alert: Alert) -> str:
    """One line: 'DEU USA conflict up 42.7x (0.004 -> 0.167 per article), week of 1987-10-19
    (5 events in 4 articles, of 30 published; p=0.00015)'."""
    if alert.series == "goldstein":
        effect = f"{alert.effect:+.1f} Goldstein ({alert.baseline:+.2f} -> {alert.observed:+.2f})"
    else:
        effect = f"{alert.effect:.1f}x ({alert.baseline:.3f} -> {alert.observed:.3f} per article)"
    when = f"{alert.period} of {alert.period_start}"
    return (f"{alert.parties} {alert.series} {alert.direction} {effect}, {when} "
            f"({alert.events_count} events in {len(alert.documents or [])} articles, of "
            f"{alert.volume} published; p={alert.p_value:.2g})")


def alert_payload(alert: Alert) -> dict[str, Any]:
    return {**alert.to_dict(), "parties": alert.parties, "summary": describe(alert)}


def notify(alerts: Sequence[Alert], command: str | None = None, url: str | None = None,
           timeout: float = 30.0) -> int:
    """Tell a program and/or a URL about each alert; returns the deliveries that succeeded.

    ``command`` is run once per alert (split like a shell would, not through a shell) with
    the alert as JSON on standard input and in ``GEOEVENTS_ALERT`` (``GEOEVENTS_ALERT_KEY``,
    ``GEOEVENTS_ALERT_SUMMARY`` too); ``url`` gets the alert as a JSON POST. A failure (exit
    status, timeout, HTTP error) is logged as a warning and never stops anything.
    """
    done = 0
    args = shlex.split(command) if command else []
    for alert in alerts:
        payload = alert_payload(alert)
        body = json.dumps(payload, ensure_ascii=False, default=str)
        if args:
            env = {**os.environ, "GEOEVENTS_ALERT": body, "GEOEVENTS_ALERT_KEY": alert.key,
                   "GEOEVENTS_ALERT_SUMMARY": payload["summary"]}
            try:
                result = subprocess.run(args, input=body, text=True, env=env, timeout=timeout,
                                        capture_output=True, check=False)
                if result.returncode == 0:
                    done += 1
                else:
                    log.warning("alert command %s exited %d for %s: %s", args[0], result.returncode,
                                alert.key, (result.stderr or "").strip()[:200])
            except (OSError, subprocess.SubprocessError) as err:
                log.warning("alert command %s failed for %s: %s", args[0], alert.key, err)
        if url:
            import httpx

            try:
                response = httpx.post(url, content=body, timeout=timeout,
                                      headers={"Content-Type": "application/json"})
                if response.is_success:
                    done += 1
                else:
                    log.warning("alert POST to %s answered %d for %s", url, response.status_code, alert.key)
            except httpx.HTTPError as err:
                log.warning("alert POST to %s failed for %s: %s", url, alert.key, err)
    return done


__all__ = ["AlertSettings", "Shift", "alert_charts", "alert_key", "alert_payload", "count_shifts",
           "counted_events", "describe", "detect_alerts", "mean_shifts", "notify", "parse_since",
           "refresh_alerts"]
