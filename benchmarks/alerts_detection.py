"""Shift detection on synthetic series with injected shifts: detection rate and false alarms.

    python benchmarks/alerts_detection.py              # the figures of docs/alerts.md
    python benchmarks/alerts_detection.py --dyads 500  # quicker, rougher

The series are written here, with the shapes of news event data, and fed to the detector's
own functions (``count_shifts``, ``mean_shifts`` of ``geoevents.analysis.alerts``, with the
default ``AlertSettings``):

- 30 weekly periods; the store's article volume in each is Poisson(200);
- cooperation and conflict counts are Poisson around ``mu`` events per period (at 200
  articles), scaled by the period's volume, with overdispersion: each period's rate is also
  multiplied by a Gamma(shape 10) factor (variance mu + mu^2/10), as real weeks vary more
  than Poisson;
- each event has a Goldstein score: N(+1, 3.5) clipped to -10..10.

A *stable* dyad keeps its rates; a *shifted* dyad changes one series from period 20 on
(conflict or cooperation multiplied by ``ratio``, or every score moved by ``delta``).
Detected = an alert on that series, in the shift's direction, in period 20 or 21 (within
two periods). A false alarm = any alert on a stable dyad, or on a shifted dyad before
period 20; the rate is per dyad-period tested (every series of one dyad in one period).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import numpy as np

from geoevents.analysis.alerts import AlertSettings, count_shifts, mean_shifts

PERIODS = 30
SHIFT_AT = 20
VOLUME = 200
SHAPE = 10.0  # Gamma shape of the per-period rate factor: overdispersion (--shape; 0: Poisson)
SCORE_MEAN, SCORE_SD = 1.0, 3.5

#: the stated sizes: >= 90% detected within two periods (tests/test_alerts.py asserts them)
STATED = {"count": {"mu": 8.0, "ratio": 5.0}, "goldstein": {"mu": 16.0, "delta": 3.0}}


@dataclass
class Dyad:
    articles: np.ndarray
    cooperation: np.ndarray
    conflict: np.ndarray
    scores: list[list[float]]


def make_dyad(rng: np.random.Generator, mu: float, *, series: str | None = None, ratio: float = 1.0,
              delta: float = 0.0) -> Dyad:
    """One dyad's weekly series; ``series`` (cooperation, conflict, goldstein) shifts at SHIFT_AT."""
    articles = rng.poisson(VOLUME, PERIODS).astype(float)
    after = np.arange(PERIODS) >= SHIFT_AT
    counts = {}
    for name in ("cooperation", "conflict"):
        factor = rng.gamma(SHAPE, 1 / SHAPE, PERIODS) if SHAPE > 0 else np.ones(PERIODS)
        mean = mu * articles / VOLUME * factor
        if series == name:
            mean = np.where(after, mean * ratio, mean)
        counts[name] = rng.poisson(mean).astype(float)
    scores = []
    for t in range(PERIODS):
        n = int(counts["cooperation"][t] + counts["conflict"][t])
        centre = SCORE_MEAN + (delta if series == "goldstein" and t >= SHIFT_AT else 0.0)
        scores.append(np.clip(rng.normal(centre, SCORE_SD, n), -10, 10).round(1).tolist())
    return Dyad(articles, counts["cooperation"], counts["conflict"], scores)


def alarms(dyad: Dyad, s: AlertSettings) -> dict[str, list[tuple[int, str]]]:
    """Series -> [(period, direction)] the detector flags."""
    found = {name: [(x.index, x.direction) for x in count_shifts(getattr(dyad, name), dyad.articles, s)]
             for name in ("cooperation", "conflict")}
    found["goldstein"] = [(x.index, x.direction) for x in mean_shifts(dyad.scores, dyad.articles, s)]
    return found


def tested_periods(s: AlertSettings) -> int:
    """Periods of a series at which a test can run (a full minimum baseline before the window)."""
    return PERIODS - s.min_baseline_periods


def false_alarm_rate(rng: np.random.Generator, dyads: int, mu: float, s: AlertSettings) -> tuple[int, int]:
    """(false alarms, dyad-periods tested) over stable dyads."""
    count = 0
    for _ in range(dyads):
        found = alarms(make_dyad(rng, mu), s)
        count += len({t for flagged in found.values() for t, _ in flagged})  # per dyad-period
    return count, dyads * tested_periods(s)


def detection_rate(rng: np.random.Generator, dyads: int, mu: float, series: str, *, ratio: float = 1.0,
                   delta: float = 0.0, s: AlertSettings) -> tuple[float, int]:
    """(share of shifts detected within two periods, false alarms before the shift)."""
    hits, early = 0, 0
    direction = "up" if (ratio > 1 if series != "goldstein" else delta > 0) else "down"
    for _ in range(dyads):
        found = alarms(make_dyad(rng, mu, series=series, ratio=ratio, delta=delta), s)
        if any(t in (SHIFT_AT, SHIFT_AT + 1) and d == direction for t, d in found[series]):
            hits += 1
        early += len({t for flagged in found.values() for t, _ in flagged if t < SHIFT_AT})
    return hits / dyads, early


def figures(dyads: int = 2000, seed: int = 1987, s: AlertSettings | None = None) -> dict[str, float]:
    """The stated figures: detection at the stated sizes and false alarms per 100 dyad-periods."""
    s = s or AlertSettings()
    rng = np.random.default_rng(seed)
    count = STATED["count"]
    gold = STATED["goldstein"]
    conflict, early1 = detection_rate(rng, dyads, count["mu"], "conflict", ratio=count["ratio"], s=s)
    cooperation, early2 = detection_rate(rng, dyads, count["mu"], "cooperation", ratio=count["ratio"], s=s)
    goldstein, early3 = detection_rate(rng, dyads, gold["mu"], "goldstein", delta=-gold["delta"], s=s)
    stable_alarms = 0
    stable_periods = 0
    for mu in (2.0, 4.0, 8.0, 16.0):
        a, n = false_alarm_rate(rng, dyads // 4, mu, s)
        stable_alarms += a
        stable_periods += n
    before = 3 * dyads * (SHIFT_AT - s.min_baseline_periods)
    total_alarms = stable_alarms + early1 + early2 + early3
    return {"conflict": conflict, "cooperation": cooperation, "goldstein": goldstein,
            "false_alarms": total_alarms, "dyad_periods": stable_periods + before,
            "false_alarms_per_100": 100 * total_alarms / (stable_periods + before)}


def main() -> None:
    global SHAPE
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dyads", type=int, default=2000, help="dyads per configuration")
    parser.add_argument("--seed", type=int, default=1987)
    parser.add_argument("--shape", type=float, default=SHAPE,
                        help="Gamma shape of the weekly rate factor (overdispersion); 0: plain Poisson")
    args = parser.parse_args()
    SHAPE = args.shape
    s = AlertSettings()
    rng = np.random.default_rng(args.seed)
    print(f"settings: alpha={s.alpha}, min_ratio={s.min_ratio}, min_events={s.min_events}, "
          f"baseline {s.min_baseline_periods}-{s.baseline_periods} periods, windows {s.windows}, "
          f"overdispersion={s.overdispersion}")
    print(f"{PERIODS} weekly periods, volume Poisson({VOLUME}), Gamma shape {SHAPE}, "
          f"shift at period {SHIFT_AT}; {args.dyads} dyads per row\n")
    print("counts: detected within two periods (rows: baseline events per period; columns: ratio)")
    ratios = (0.33, 0.5, 2.0, 3.0, 4.0, 5.0)
    print("mu     " + "".join(f"  x{r:<5}" for r in ratios))
    for mu in (2.0, 4.0, 8.0, 16.0):
        cells = [detection_rate(rng, args.dyads, mu, "conflict", ratio=r, s=s)[0] for r in ratios]
        print(f"{mu:<6} " + "".join(f"  {c:6.1%}" for c in cells))
    print("\ngoldstein: detected within two periods (rows: events per period; columns: shift of the mean)")
    deltas = (-1.0, -2.0, -3.0, -4.0, 3.0)
    print("mu     " + "".join(f"  {d:+6.1f}" for d in deltas))
    for mu in (4.0, 8.0, 16.0):
        cells = [detection_rate(rng, args.dyads, mu, "goldstein", delta=d, s=s)[0] for d in deltas]
        print(f"{mu:<6} " + "".join(f"  {c:6.1%}" for c in cells))
    result = figures(args.dyads, args.seed, s)
    print("\nstated sizes (tests/test_alerts.py):")
    count, gold = STATED["count"], STATED["goldstein"]
    print(f"  conflict x{count['ratio']:g} at {count['mu']:g} events/period: {result['conflict']:.1%} "
          "detected within two periods")
    print(f"  cooperation x{count['ratio']:g} at {count['mu']:g} events/period: {result['cooperation']:.1%}")
    print(f"  Goldstein mean -{gold['delta']:g} at {gold['mu']:g} events/period: {result['goldstein']:.1%}")
    print(f"  false alarms: {result['false_alarms']} in {result['dyad_periods']} dyad-periods = "
          f"{result['false_alarms_per_100']:.2f} per 100 dyad-periods")


if __name__ == "__main__":
    main()
