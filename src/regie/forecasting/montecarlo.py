"""The Monte Carlo forecast: many possible futures at once, vectorised with numpy.

Imported lazily by the views (numpy stays off the request path until a forecast is asked for).
No Python loop runs per run or per person; every step is an array operation over all runs.

One run, per municipality and half year (the taakstelling's unit):

1. **Realised status holders** N ~ Poisson(λ), λ ~ Gamma(k, quota/k): a negative binomial
   around the quota, k = 1/cv² from ``variatie_taakstelling``, because "the numbers fluctuate"
   (beleidskader §8). With cv = 0, N is the quota itself.
2. **Obliged** A ~ Binomial(N, a), with the adult share a ~ Beta(around the parameter) drawn
   once per run (uncertainty about the population, not per family).
3. **Routes**: a split p ~ Dirichlet(α) per run — α around the parameters' split, or the
   region's own first-PIP route counts plus a weak prior when there are ≥ 30 (see
   ``selectors.prognose_invoer``) — then Z ~ Bin(A, p_Z), B1 ~ Bin(A − Z, p_B1/(p_B1 + p_O)),
   onderwijs = the rest (a multinomial draw).
4. **When**: each person is coupled on a uniform day of the half year; the lags koppeling →
   vestiging → brede intake → PIP are gamma distributed (mean and spread per stage, in weeks);
   the PIP's date starts the trajectory. Family migrants (Poisson around the expected number)
   settle on a uniform day and take the intake and PIP lags; they buy their own route, so they
   appear in the inflow only.
5. **Output per quarter**: inflow per route (new PIPs), trajectories active over their
   ``termijn_jaren`` term, course hours a week (active × hours per route), and per year the cost
   (active trajectory-quarters / 4 × cost per trajectory-year) against the budget.

Everything is reported as the median with 80 % and 95 % intervals (quantiles 10/90 and
2.5/97.5 over the runs), per municipality and for the region (summed per run, so the region's
bands are the bands of the sum, not the sum of bands).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from regie.forecasting.selectors import PrognoseInvoer

KWANTIELEN = (0.025, 0.10, 0.50, 0.90, 0.975)
ROUTES = 3
STANDAARD_RUNS = 10_000
STANDAARD_SEED = 2022


@dataclass(frozen=True)
class Uitkomst:
    """Quantiles (axis 0: KWANTIELEN) per geography (axis 1: municipalities…, region last)."""

    invoer: PrognoseInvoer
    runs: int
    seed: int
    kwartalen: list[str]
    jaren: list[int]
    instroom: np.ndarray  # (5, G+1, ROUTES+1, Q): new PIPs per route, last = all routes
    instroom_jaar: np.ndarray  # (5, G+1, ROUTES+1, Y): new PIPs per year
    instroom_gezin: np.ndarray  # (5, G+1, Q): new PIPs of family migrants
    actief: np.ndarray  # (5, G+1, ROUTES+1, Q)
    uren: np.ndarray  # (5, G+1, ROUTES+1, Q): course hours a week
    kosten: np.ndarray  # (5, G+1, ROUTES+1, Y): euros per year
    budget: np.ndarray  # (G+1, Y), NaN where unknown
    kans_boven_budget: np.ndarray  # (G+1, Y): share of runs whose cost exceeds the budget


def _dagen(d: date, basis: date) -> int:
    return (d - basis).days


VOORRAAD = 1 << 16  # lag totals drawn once per forecast, then sampled per person


def _gamma_dagen(rng: np.random.Generator, gemiddeld_weken: float, sd_weken: float, n: int):
    """Lags in days with the given mean and spread (a constant when the spread is 0)."""
    gemiddeld, sd = gemiddeld_weken * 7.0, sd_weken * 7.0
    if n == 0 or gemiddeld <= 0:
        return np.zeros(n, dtype=np.float32)
    if sd <= 0:
        return np.full(n, gemiddeld, dtype=np.float32)
    vorm = (gemiddeld / sd) ** 2
    return rng.standard_gamma(vorm, size=n, dtype=np.float32) * np.float32(sd * sd / gemiddeld)


def _vertragingen(rng: np.random.Generator, lags: list[tuple[float, float]]) -> np.ndarray:
    """A pool of total lags (the sum of the stages' gamma lags), from which each person draws
    one: exact in distribution up to the pool's 65,536 draws, and far cheaper than drawing
    every stage for millions of simulated persons."""
    totaal = np.zeros(VOORRAAD, dtype=np.float32)
    for gemiddeld, sd in lags:
        totaal += _gamma_dagen(rng, gemiddeld, sd, VOORRAAD)
    return totaal


def _per_kwartaal(
    rng: np.random.Generator,
    aantallen: np.ndarray,  # (R, G, H, K) integers
    start: np.ndarray,  # (H,) first day of each half year
    lengte: np.ndarray,  # (H,) days in each half year
    grenzen: np.ndarray,  # (Q+1,) first day of each quarter, then the end
    lags: list[tuple[float, float]],
) -> np.ndarray:
    """Spread everyone over their half year, add the lags, count them per quarter of their PIP.
    Returns (R, G, K, Q) counts. One person is one array element; there is no loop over them."""
    r, g, h, k = aantallen.shape
    q = len(grenzen) - 1
    cel = np.repeat(np.arange(aantallen.size, dtype=np.int32), aantallen.ravel())
    halfjaar = (cel // k) % h
    dag = start[halfjaar] + rng.random(cel.size, dtype=np.float32) * lengte[halfjaar]
    dag += _vertragingen(rng, lags)[rng.integers(0, VOORRAAD, size=cel.size, dtype=np.int32)]
    # The quarter of each day: a first guess from the mean quarter length, corrected against the
    # true boundaries (cheaper than a binary search over millions of days).
    gemiddeld = (grenzen[-1] - grenzen[0]) / q
    kwartaal = np.clip((dag - grenzen[0]) / gemiddeld, -1, q).astype(np.int32)
    veilig = np.clip(kwartaal, 0, q - 1)
    kwartaal -= (dag < grenzen[veilig]).astype(np.int32)
    kwartaal += (dag >= grenzen[veilig + 1]).astype(np.int32)
    binnen = (kwartaal >= 0) & (kwartaal < q)
    index = ((cel // (h * k)) * k + cel % k) * q + kwartaal
    telling = np.bincount(index[binnen], minlength=r * g * k * q).astype(np.int32)
    return telling.reshape(r, g, k, q)


def _met_regio(x: np.ndarray) -> np.ndarray:
    """Append the region (sum over municipalities, axis 1) per run."""
    return np.concatenate([x, x.sum(axis=1, keepdims=True)], axis=1)


def _kwantielen(x: np.ndarray) -> np.ndarray:
    """np.quantile(x, KWANTIELEN, axis=0, method="inverted_cdf"), but partitioning along a
    contiguous axis: the smallest value whose empirical CDF reaches q (a value a run produced)."""
    y = np.ascontiguousarray(np.moveaxis(x, 0, -1))
    n = y.shape[-1]
    posities = [max(int(np.ceil(q * n)) - 1, 0) for q in KWANTIELEN]
    y.partition(posities, axis=-1)
    return np.moveaxis(y[..., posities], -1, 0)


def simuleer(
    invoer: PrognoseInvoer,
    *,
    runs: int = STANDAARD_RUNS,
    seed: int = STANDAARD_SEED,
    factor_taakstelling: float = 1.0,
    verdeling: tuple[float, float, float] | None = None,
) -> Uitkomst:
    """Run the forecast. ``factor_taakstelling`` and ``verdeling`` (fractions, Z/B1/onderwijs)
    define scenarios; the same seed gives the same numbers (common random numbers across
    scenarios, so their differences come from the scenario, not from chance)."""
    rng = np.random.default_rng(seed)
    g_aantal, h_aantal = len(invoer.gemeenten), len(invoer.halfjaren)
    basis = date(invoer.halfjaren[0][0], 1, 1)
    start = np.array(
        [_dagen(date(j, 1 if h == 1 else 7, 1), basis) for j, h in invoer.halfjaren],
        dtype=np.float32,
    )
    einde = np.array(
        [
            _dagen(date(j, 7, 1) if h == 1 else date(j + 1, 1, 1), basis)
            for j, h in invoer.halfjaren
        ],
        dtype=np.float32,
    )
    laatste_jaar = invoer.vanaf_jaar + invoer.jaren
    kwartaalstarts = [date(j, m, 1) for j in range(basis.year, laatste_jaar) for m in (1, 4, 7, 10)]
    grenzen = np.array(
        [_dagen(d, basis) for d in [*kwartaalstarts, date(laatste_jaar, 1, 1)]], dtype=np.float32
    )
    q_totaal = len(kwartaalstarts)
    q_horizon = invoer.jaren * 4
    eerste = q_totaal - q_horizon

    # 1-3: realised status holders, obliged, routes — arrays over (runs, municipalities, half years)
    quota = np.asarray(invoer.taakstelling, dtype=np.float64).reshape(g_aantal, h_aantal)
    quota = quota * factor_taakstelling
    cv = invoer.variatie_taakstelling
    if cv > 0:
        k = 1.0 / (cv * cv)
        lam = rng.gamma(k, 1.0, size=(runs, g_aantal, h_aantal)) * (quota / k)
        statushouders = rng.poisson(lam)
    else:  # no fluctuation: exactly the quota, as the framework's own table assumes
        statushouders = np.broadcast_to(np.rint(quota).astype(np.int64), (runs, g_aantal, h_aantal))
    a = invoer.aandeel_volwassen
    if 0 < a < 1:
        c = invoer.zekerheid_volwassen
        volwassen = rng.beta(a * c, (1 - a) * c, size=runs)
    else:
        volwassen = np.full(runs, a)
    plichtig = rng.binomial(statushouders, volwassen[:, None, None])
    alpha = np.asarray(invoer.dirichlet_alpha, dtype=np.float64)
    if verdeling is not None:
        gewicht = alpha.sum() if alpha.sum() > 0 else 1.0
        alpha = np.asarray(verdeling, dtype=np.float64) * gewicht
    positief = alpha > 0
    p = np.zeros((runs, ROUTES))
    if positief.any():
        p[:, positief] = rng.dirichlet(alpha[positief], size=runs)
    z = rng.binomial(plichtig, p[:, 0][:, None, None])
    rest = plichtig - z
    noemer = p[:, 1] + p[:, 2]
    aandeel_b1 = np.divide(p[:, 1], noemer, out=np.zeros(runs), where=noemer > 0)
    b1 = rng.binomial(rest, aandeel_b1[:, None, None])
    per_route = np.stack([z, b1, rest - b1], axis=-1)

    # 4: when does each person's PIP fall? Counts per quarter.
    instroom = _per_kwartaal(rng, per_route, start, einde - start, grenzen, list(invoer.weken))
    gezin_verwacht = np.asarray(invoer.gezinsmigranten, dtype=np.float64).reshape(
        g_aantal, h_aantal
    )
    gezin = rng.poisson(np.broadcast_to(gezin_verwacht, (runs, g_aantal, h_aantal)))
    instroom_gezin = _per_kwartaal(
        rng, gezin[..., None], start, einde - start, grenzen, list(invoer.weken[1:])
    )[:, :, 0, :]

    # 5: active trajectories over their term, hours, cost.
    termijn = invoer.termijn_jaren * 4
    cumulatief = np.cumsum(instroom, axis=-1)
    actief = cumulatief.copy()
    actief[..., termijn:] -= cumulatief[..., :-termijn]
    actief = actief[..., eerste:]
    instroom = instroom[..., eerste:]
    instroom_gezin = instroom_gezin[..., eerste:]
    uren_per_week = np.asarray(invoer.uren_per_week, dtype=np.float64)
    normbedrag = np.asarray(invoer.normbedrag, dtype=np.float64)
    trajectjaren = actief.reshape(runs, g_aantal, ROUTES, invoer.jaren, 4).sum(axis=-1) / 4.0
    kosten = trajectjaren * normbedrag[None, None, :, None]
    # Hours per route are active × a constant, so their quantiles are the active trajectories'
    # quantiles times that constant; only the total over routes needs quantiles of its own.
    uren_totaal = _met_regio((actief * uren_per_week[None, None, :, None]).sum(axis=2))

    def met_totaal(x: np.ndarray) -> np.ndarray:
        return _met_regio(np.concatenate([x, x.sum(axis=2, keepdims=True)], axis=2))

    kosten_r = met_totaal(kosten)
    actief_q = _kwantielen(met_totaal(actief))
    uren_q = np.concatenate(
        [
            actief_q[:, :, :ROUTES, :] * uren_per_week[None, None, :, None],
            _kwantielen(uren_totaal)[:, :, None, :],
        ],
        axis=2,
    )
    budget = np.array(
        [[np.nan if b is None else b for b in rij] for rij in invoer.budget], dtype=np.float64
    ).reshape(g_aantal, invoer.jaren)
    regio_budget = np.where(np.isnan(budget).any(axis=0), np.nan, budget.sum(axis=0))
    budget_r = np.vstack([budget, regio_budget[None, :]])
    totaal_kosten = kosten_r[:, :, -1, :]
    boven = (totaal_kosten > budget_r[None, :, :]).mean(axis=0)
    kans = np.where(np.isnan(budget_r), np.nan, boven)
    return Uitkomst(
        invoer=invoer,
        runs=runs,
        seed=seed,
        kwartalen=[f"{d.year} K{(d.month - 1) // 3 + 1}" for d in kwartaalstarts[eerste:]],
        jaren=list(range(invoer.vanaf_jaar, laatste_jaar)),
        instroom=_kwantielen(met_totaal(instroom)),
        instroom_jaar=_kwantielen(
            met_totaal(instroom.reshape(runs, g_aantal, ROUTES, invoer.jaren, 4).sum(axis=-1))
        ),
        instroom_gezin=_kwantielen(_met_regio(instroom_gezin)),
        actief=actief_q,
        uren=uren_q,
        kosten=_kwantielen(kosten_r),
        budget=budget_r,
        kans_boven_budget=kans,
    )
