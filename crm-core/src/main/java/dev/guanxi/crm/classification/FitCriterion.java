package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * One criterion of the company's fit to serve a customer, for the {@link SelectionMatrix}: a number in [0, 1]
 * (1 = fits perfectly) per customer, or {@code NaN} when the criterion cannot judge that customer (it is then
 * left out of that customer's fit). Hosts implement their own (e.g. distance to the nearest branch); the
 * defaults read the customer base and the results of earlier rules.
 *
 * <p>Implementations must be immutable and thread-safe.
 */
@Beta
public interface FitCriterion {
    /**
     * @return the criterion's name, used in explanations and as a metric name ({@code [a-z][a-zA-Z0-9]{0,30}},
     *     not {@code value} or {@code fit})
     */
    String name();

    /**
     * Judges one customer.
     *
     * @param base the customers
     * @param i the customer's index
     * @param context the results of the rules that ran before
     * @return the fit in [0, 1], or {@code NaN} if unknown
     */
    double fit(CustomerBase base, int i, ClassificationContext context);

    /**
     * Payment behaviour: the credit score / 100 if a {@code "credit"} rule ran before, otherwise {@code 1 −
     * overdue / sales} clamped to [0, 1]; unknown for a customer without sales and without a credit score.
     *
     * @return the criterion, named {@code paymentBehaviour}
     */
    static FitCriterion paymentBehaviour() {
        return new FitCriterion() {
            @Override
            public String name() {
                return "paymentBehaviour";
            }

            @Override
            public double fit(CustomerBase base, int i, ClassificationContext context) {
                var credit = context.result("credit");
                if (credit.isPresent() && !Double.isNaN(credit.get().score(i))) {
                    return Math.max(0, Math.min(1, credit.get().score(i) / 100));
                }
                if (base.sales(i) <= 0) {
                    return Double.NaN;
                }
                return Math.max(0, Math.min(1, 1 - (double) base.overdue(i) / base.sales(i)));
            }
        };
    }

    /**
     * Cost to serve: {@code 1 / (1 + cases per purchase)} from the base's {@code "serviceCases"} column (the
     * scoring run fills it with the cases opened in the value period); unknown without that column.
     *
     * @return the criterion, named {@code costToServe}
     */
    static FitCriterion costToServe() {
        return new FitCriterion() {
            @Override
            public String name() {
                return "costToServe";
            }

            @Override
            public double fit(CustomerBase base, int i, ClassificationContext context) {
                double cases = base.columnValue("serviceCases", i, Double.NaN);
                if (Double.isNaN(cases)) {
                    return Double.NaN;
                }
                return 1 / (1 + cases / Math.max(1, base.purchases(i)));
            }
        };
    }

    /**
     * Strategic fit as the host judges it: the base's {@code "strategicFit"} column, clamped to [0, 1]; unknown
     * without that column.
     *
     * @return the criterion, named {@code strategicFit}
     */
    static FitCriterion strategicFit() {
        return column("strategicFit");
    }

    /**
     * A host column already in [0, 1] (values outside are clamped; {@code NaN} means unknown).
     *
     * @param name the column's name, also the criterion's name
     * @return the criterion
     */
    static FitCriterion column(String name) {
        Objects.requireNonNull(name, "name");
        return new FitCriterion() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double fit(CustomerBase base, int i, ClassificationContext context) {
                double v = base.columnValue(name, i, Double.NaN);
                return Double.isNaN(v) ? v : Math.max(0, Math.min(1, v));
            }
        };
    }
}
