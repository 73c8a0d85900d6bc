#!/usr/bin/env python3
"""Independent numpy/scipy reference for the Guanxi BG/NBD benchmark (docs/BENCHMARKS.md).

Re-implements what lifetimes 0.11.3 (BetaGeoFitter) does, because the lifetimes package itself is not installable
here (it needs pandas, autograd and dill); only numpy and scipy are used:

* the negative mean log-likelihood exactly as ``BetaGeoFitter._negative_log_likelihood`` (vectorised, gammaln,
  ``log(exp(A_3) + exp(A_4) * (freq > 0))``, no penaliser), on the logarithms of (r, alpha, a, b);
* the fit as ``BetaGeoFitter.fit`` + ``BaseFitter._fit``: times scaled by ``10 / T.max()``, start 0.1 for every
  log-parameter, ``scipy.optimize.minimize`` with BFGS (``method=None`` picks BFGS without bounds) and
  ``tol=1e-7``, then alpha divided by the scale; every customer is one row (weights 1, no pattern compression);
* ``conditional_expected_number_of_purchases_up_to_time`` (scipy.special.hyp2f1 with lifetimes' fallback when
  the log of 2F1 is infinite) and ``conditional_probability_alive`` (expit).

The gradient: lifetimes 0.11.3 passes ``value_and_grad`` of autograd with ``jac=True``; autograd is not installed
here. ``--jac numeric`` (the default) gives BFGS no gradient, so scipy uses 2-point finite differences (4 extra
likelihood evaluations per gradient): slower than lifetimes per iteration. ``--jac analytic`` supplies the exact
gradient in closed form (numpy), i.e. what autograd computes, but without autograd's tracing overhead: faster than
lifetimes per iteration. lifetimes also computes the Hessian with autograd after the fit (for standard errors);
neither mode does. So the two modes bracket lifetimes' own fit time on this machine.

Usage::

    python3 crm-bench/python/bgnbd_reference.py SUMMARY.csv [--runs 3] [--jac numeric|analytic]
        [--java-params FIT.json] [--java-predictions PREDICTIONS.csv] [--horizon 39]

SUMMARY.csv has the header ``frequency,recency,T`` (written by the Java harness with ``--export``). With the Java
harness's ``--params`` and ``--predictions`` outputs it compares log-likelihoods and per-customer predictions.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize
from scipy.special import digamma, expit, gammaln, hyp2f1


def peak_rss_mib():
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def negative_log_likelihood(log_params, freq, rec, T, weights, penalizer_coef=0.0):
    """lifetimes 0.11.3 BetaGeoFitter._negative_log_likelihood, with numpy in place of autograd.numpy."""
    params = np.exp(log_params)
    r, alpha, a, b = params

    A_1 = gammaln(r + freq) - gammaln(r) + r * np.log(alpha)
    A_2 = gammaln(a + b) + gammaln(b + freq) - gammaln(b) - gammaln(a + b + freq)
    A_3 = -(r + freq) * np.log(alpha + T)
    A_4 = np.log(a) - np.log(b + np.maximum(freq, 1) - 1) - (r + freq) * np.log(rec + alpha)

    penalizer_term = penalizer_coef * sum(params ** 2)
    ll = weights * (A_1 + A_2 + np.log(np.exp(A_3) + np.exp(A_4) * (freq > 0)))

    return -ll.sum() / weights.sum() + penalizer_term


def negative_log_likelihood_and_gradient(log_params, freq, rec, T, weights, penalizer_coef=0.0):
    """The same value and its exact gradient in the log-parameters (what autograd's value_and_grad returns)."""
    params = np.exp(log_params)
    r, alpha, a, b = params
    bx = b + np.maximum(freq, 1) - 1

    A_1 = gammaln(r + freq) - gammaln(r) + r * np.log(alpha)
    A_2 = gammaln(a + b) + gammaln(b + freq) - gammaln(b) - gammaln(a + b + freq)
    log_alpha_T = np.log(alpha + T)
    log_alpha_rec = np.log(rec + alpha)
    A_3 = -(r + freq) * log_alpha_T
    A_4 = np.log(a) - np.log(bx) - (r + freq) * log_alpha_rec
    e3 = np.exp(A_3)
    e4 = np.exp(A_4) * (freq > 0)
    s = e3 + e4
    ll = weights * (A_1 + A_2 + np.log(s))
    w3 = e3 / s
    w4 = e4 / s

    psi_ab = digamma(a + b)
    psi_abx = digamma(a + b + freq)
    d_r = digamma(r + freq) - digamma(r) + np.log(alpha) - w3 * log_alpha_T - w4 * log_alpha_rec
    d_alpha = r / alpha - (r + freq) * (w3 / (alpha + T) + w4 / (rec + alpha))
    d_a = psi_ab - psi_abx + w4 / a
    d_b = psi_ab + digamma(b + freq) - digamma(b) - psi_abx - w4 / bx
    total = weights.sum()
    grad = -np.array([(weights * d).sum() for d in (d_r, d_alpha, d_a, d_b)]) * params / total
    grad += penalizer_coef * 2 * params ** 2
    value = -ll.sum() / total + penalizer_coef * sum(params ** 2)
    return value, grad


def fit(frequency, recency, T, jac="numeric", tol=1e-7):
    """lifetimes 0.11.3 BetaGeoFitter.fit: returns (r, alpha, a, b), the scipy result."""
    frequency = np.asarray(frequency).astype(int)
    weights = np.ones_like(recency, dtype=int)
    scale = 10.0 / T.max()  # lifetimes.utils._scale_time
    args = (frequency, recency * scale, T * scale, weights, 0.0)
    x0 = 0.1 * np.ones(4)
    if jac == "analytic":
        output = minimize(negative_log_likelihood_and_gradient, jac=True, method="BFGS", tol=tol, x0=x0, args=args)
    else:
        output = minimize(negative_log_likelihood, method="BFGS", tol=tol, x0=x0, args=args)
    params = np.exp(output.x)
    params[1] /= scale
    return params, output


def log_likelihood(params, frequency, recency, T):
    """Total log-likelihood in the data's own time unit (lifetimes' formula, weights 1)."""
    n = len(frequency)
    return -negative_log_likelihood(np.log(params), frequency.astype(int), recency, T, np.ones(n)) * n


def conditional_expected_number_of_purchases_up_to_time(params, t, frequency, recency, T):
    """lifetimes 0.11.3 BetaGeoFitter.conditional_expected_number_of_purchases_up_to_time."""
    x = frequency
    r, alpha, a, b = params

    _a = r + x
    _b = b + x
    _c = a + b + x - 1
    _z = t / (alpha + T + t)
    with np.errstate(divide="ignore"):
        ln_hyp_term = np.log(hyp2f1(_a, _b, _c, _z))
    # if the value is inf, lifetimes uses a different but equivalent formula
    ln_hyp_term_alt = np.log(hyp2f1(_c - _a, _c - _b, _c, _z)) + (_c - _a - _b) * np.log(1 - _z)
    ln_hyp_term = np.where(np.isinf(ln_hyp_term), ln_hyp_term_alt, ln_hyp_term)
    first_term = (a + b + x - 1) / (a - 1)
    second_term = 1 - np.exp(ln_hyp_term + (r + x) * np.log((alpha + T) / (alpha + t + T)))

    numerator = first_term * second_term
    denominator = 1 + (x > 0) * (a / (b + x - 1)) * ((alpha + T) / (alpha + recency)) ** (r + x)

    return numerator / denominator


def conditional_probability_alive(params, frequency, recency, T):
    """lifetimes 0.11.3 BetaGeoFitter.conditional_probability_alive."""
    r, alpha, a, b = params
    log_div = (r + frequency) * np.log((alpha + T) / (alpha + recency)) + np.log(a / (b + np.maximum(frequency, 1) - 1))
    return np.atleast_1d(np.where(frequency == 0, 1.0, expit(-log_div)))


def score(params, horizon, frequency, recency, T):
    """What the benchmark calls scoring: P(alive) and E[Y(horizon)] for every customer."""
    return (
        conditional_probability_alive(params, frequency, recency, T),
        conditional_expected_number_of_purchases_up_to_time(params, horizon, frequency, recency, T),
    )


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("summary", help="CSV with header frequency,recency,T")
    parser.add_argument("--runs", type=int, default=3, help="measured repetitions (median reported)")
    parser.add_argument("--jac", choices=["numeric", "analytic"], default="numeric")
    parser.add_argument("--horizon", type=float, default=39.0)
    parser.add_argument("--java-params", help="FIT.json written by the Java harness (--params)")
    parser.add_argument("--java-predictions", help="CSV written by the Java harness (--predictions)")
    args = parser.parse_args(argv)

    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"{os.cpu_count()} cpus, jac={args.jac}")
    start = time.perf_counter()
    data = np.loadtxt(args.summary, delimiter=",", skiprows=1)
    frequency, recency, T = data[:, 0].copy(), data[:, 1].copy(), data[:, 2].copy()
    del data
    n = len(frequency)
    print(f"read {n} customers in {time.perf_counter() - start:.2f} s (not timed); peak RSS {peak_rss_mib():.0f} MiB")

    fit_times, score_times = [], []
    params = output = None
    for run in range(args.runs):
        start = time.perf_counter()
        params, output = fit(frequency, recency, T, jac=args.jac)
        fit_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        p_alive, expected = score(params, args.horizon, frequency, recency, T)
        score_times.append(time.perf_counter() - start)
        print(f"run {run + 1}: fit {fit_times[-1]:.3f} s ({output.nit} iterations, {output.nfev} evaluations, "
              f"success {output.success}), score {score_times[-1]:.3f} s; peak RSS {peak_rss_mib():.0f} MiB")

    ll = log_likelihood(params, frequency, recency, T)
    print()
    print(f"fit: success {output.success} ({output.message}), {output.nit} iterations, {output.nfev} evaluations")
    print("parameters: r=%.17g alpha=%.17g a=%.17g b=%.17g" % tuple(params))
    print(f"log-likelihood: {ll:.17g}")
    print(f"fit median {statistics.median(fit_times):.3f} s (min {min(fit_times):.3f}, max {max(fit_times):.3f}); "
          f"score median {statistics.median(score_times):.3f} s (min {min(score_times):.3f}, "
          f"max {max(score_times):.3f}); total {statistics.median(fit_times) + statistics.median(score_times):.3f} s")
    print(f"peak RSS {peak_rss_mib():.0f} MiB")

    if args.java_params:
        with open(args.java_params, encoding="utf-8") as f:
            java = json.load(f)
        jp = java["parameters"]
        java_params = np.array([jp["r"], jp["alpha"], jp["a"], jp["b"]])
        java_ll = java["log_likelihood"]
        print()
        print(f"Java log-likelihood {java_ll:.17g}, Python {ll:.17g}: relative difference "
              f"{abs(java_ll - ll) / abs(ll):.3e} (Python minus Java {ll - java_ll:.3e})")
        ll_at_java = log_likelihood(java_params, frequency, recency, T)
        print(f"Python's formula at the Java parameters: {ll_at_java:.17g} (relative difference to Java's own value "
              f"{abs(ll_at_java - java_ll) / abs(java_ll):.3e})")
        print("parameter relative differences (Java vs Python): "
              + ", ".join(f"{k} {abs(j - p) / p:.2e}" for k, j, p in zip("r alpha a b".split(), java_params, params)))
        if args.java_predictions:
            jpred = np.loadtxt(args.java_predictions, delimiter=",", skiprows=1)
            java_alive, java_expected = jpred[:, 0], jpred[:, 1]
            own_alive, own_expected = p_alive, expected
            same_alive, same_expected = score(java_params, args.horizon, frequency, recency, T)
            print(f"at the same (Java) parameters: max |dP(alive)| {np.max(np.abs(same_alive - java_alive)):.3e}, "
                  f"max |dE[Y]| {np.max(np.abs(same_expected - java_expected)):.3e}, "
                  f"max relative dE[Y] {np.max(np.abs(same_expected - java_expected) / np.maximum(java_expected, 1e-300)):.3e}")
            print(f"each at its own optimum: max |dP(alive)| {np.max(np.abs(own_alive - java_alive)):.3e}, "
                  f"max |dE[Y]| {np.max(np.abs(own_expected - java_expected)):.3e}")
            print(f"non-finite Python predictions: {int(np.sum(~np.isfinite(own_expected)))}")


if __name__ == "__main__":
    main(sys.argv[1:])
