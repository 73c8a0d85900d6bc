package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.CustomerLifetimeValue;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.GammaGammaModel;
import dev.guanxi.crm.analytics.ModelFit;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.TransactionLog;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.spi.storage.ScoreRun;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The customer-base models of a scoring run: BG/NBD (P(alive)) and Gamma-Gamma (spend) on every purchase up to
 * the as-of day, in weeks; a stored fit of the latest run is reused unless a refit is asked for.
 */
final class Models {
    static final String BG_NBD = "model.bgnbd";
    static final String GAMMA_GAMMA = "model.gammaGamma";
    static final String STATUS = "model.status";
    /** The snapshot metric of P(alive). */
    static final String P_ALIVE = "model.pAlive";
    /** The snapshot metric of the CLV. */
    static final String CLV = "model.clv";

    private Models() {}

    /**
     * Fits (or reuses) the models on the base customers' purchases up to the as-of day (in base-currency minor
     * units, keyed by the base's customer index) and sets P(alive) and CLV of every customer in the builder.
     *
     * @return the run attributes describing the models
     */
    static Map<String, String> apply(
            UnitOfWork uow, ScoringRequest request, TransactionLog log, CustomerBase.Builder b) {
        Map<String, String> attributes = new TreeMap<>();
        if (log.size() == 0) {
            attributes.put(STATUS, "no purchases");
            return attributes;
        }
        CustomerSummaries s = CustomerSummaries.fromLog(log, request.asOf(), PeriodUnit.WEEKS);
        Optional<ScoreRun> previous =
                request.models().refit() ? Optional.empty() : uow.scores().latestRun();
        BgNbdModel purchases = previous.flatMap(r -> parse(r.attributes().get(BG_NBD), 4))
                .map(p -> BgNbdModel.of(p[0], p[1], p[2], p[3]))
                .orElse(null);
        GammaGammaModel spend = previous.flatMap(r -> parse(r.attributes().get(GAMMA_GAMMA), 3))
                .map(p -> new GammaGammaModel(p[0], p[1], p[2]))
                .orElse(null);
        String status = purchases != null && spend != null ? "reused" : "fitted";
        if (purchases == null) {
            ModelFit<BgNbdModel> fit = BgNbdModel.fit(s);
            purchases = fit.isConverged() ? fit.model() : null;
        }
        if (spend == null && purchases != null) {
            ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(s.frequencies(), s.monetaryValues());
            spend = fit.isConverged() ? fit.model() : null;
        }
        if (purchases == null) {
            attributes.put(STATUS, "BG/NBD did not converge: P(alive) and CLV unknown");
            return attributes;
        }
        attributes.put(BG_NBD, format(purchases.r(), purchases.alpha(), purchases.a(), purchases.b()));
        double[] clv = null;
        if (spend != null) {
            attributes.put(GAMMA_GAMMA, format(spend.p(), spend.q(), spend.gamma()));
            clv = CustomerLifetimeValue.of(
                            purchases,
                            spend,
                            PeriodUnit.WEEKS,
                            request.models().clvMonths(),
                            request.models().monthlyDiscount())
                    .values(s.frequencies(), s.recencies(), s.ages(), s.monetaryValues());
        } else {
            status += "; Gamma-Gamma did not converge: CLV unknown";
        }
        attributes.put(STATUS, status);
        for (int i = 0; i < s.size(); i++) {
            double alive = purchases.probabilityAlive(s.frequency(i), s.recency(i), s.age(i));
            b.model(s.customer(i), Math.max(0, Math.min(1, alive)), clv == null ? Double.NaN : clv[i]);
        }
        return attributes;
    }

    /** The model outputs of one customer as snapshot metrics (none when unknown). */
    static Map<String, BigDecimal> metrics(CustomerBase base, int i) {
        double alive = base.probabilityAlive(i);
        double clv = base.lifetimeValue(i);
        boolean hasAlive = Double.isFinite(alive);
        boolean hasClv = Double.isFinite(clv);
        if (!hasAlive && !hasClv) {
            return Map.of();
        }
        Map<String, BigDecimal> m = new TreeMap<>();
        if (hasAlive) {
            m.put(P_ALIVE, decimal(alive, 6, 1e6));
        }
        if (hasClv) {
            m.put(CLV, decimal(clv, 2, 1e2));
        }
        return m;
    }

    /**
     * {@code BigDecimal.valueOf(value).setScale(scale, HALF_EVEN)} without building the double's decimal form
     * when {@code value × 10^scale} is further from a tie than the rounding errors can reach (as {@code
     * ScoringResult.metric} does; see there). Package-private for tests.
     *
     * @param value a finite number
     * @param scale the decimal places
     * @param power {@code 10^scale}, exactly
     * @return the rounded value
     */
    static BigDecimal decimal(double value, int scale, double power) {
        double scaled = value * power;
        double abs = Math.abs(scaled);
        if (abs < 0x1p50) {
            double rounded = Math.rint(scaled);
            if (0.5 - Math.abs(scaled - rounded) > abs * 0x1p-50 + 1e-9) {
                return BigDecimal.valueOf((long) rounded, scale);
            }
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static String format(double... values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", v));
        }
        return s.toString();
    }

    private static Optional<double[]> parse(String text, int n) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split(" ");
        if (parts.length != n) {
            return Optional.empty();
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return Optional.of(values);
    }
}
