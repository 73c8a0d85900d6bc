package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.classification.ScoringListener;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.examples.AnalyzeCommand.InputException;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.money.MissingExchangeRateException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm score}: the scoring run of a tenant ({@link dev.guanxi.crm.classification.Scoring#run}) — 80/20
 * grading, RFM, credit, loyalty, lifecycle and selection matrix, with BG/NBD and Gamma-Gamma — with a progress
 * bar on standard error and a summary of what changed: snapshots written and lifecycle moves by from and to
 * stage. Incremental: a second run for the same day writes nothing and moves no one. Not thread-safe (one per
 * invocation).
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Run the scoring of a tenant: 80/20 grading, RFM, credit, loyalty, lifecycle stages and selection matrix,"
                    + " with BG/NBD (P(alive)) and Gamma-Gamma (CLV); writes a dated score snapshot per changed"
                    + " customer and applies the lifecycle moves.",
            "Exit codes: 0 done, 2 bad option or no such database."
        })
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "DIR|URL", description = CrmDatabase.DESCRIPTION)
    String db;

    @Option(
            names = "--tenant",
            paramLabel = "TENANT",
            defaultValue = Demo.TENANT,
            description = "the tenant to score (default: ${DEFAULT-VALUE}, the demo's)")
    String tenant;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "the day scored (default: today, UTC; the demo's data ends on 1998-06-30, its day is"
                    + " 1998-07-01)")
    LocalDate asOf;

    @Option(
            names = "--value-from",
            paramLabel = "YYYY-MM-DD",
            description = "the first day of the value period (default: 365 days up to --as-of; the demo uses "
                    + Demo.VALUE_FROM + ")")
    LocalDate valueFrom;

    @Option(
            names = "--currency",
            paramLabel = "CODE",
            defaultValue = "USD",
            description = "the base currency every amount is valued in (default: ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--refit", description = "fit BG/NBD and Gamma-Gamma again instead of reusing the stored fit")
    boolean refit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
            Currency base;
            try {
                base = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException("--currency: not an ISO 4217 code: " + currency);
            }
            ScoringModels models = ScoringModels.bgNbdGammaGamma();
            ScoringRequest request = ScoringRequest.of(day, base).withModels(refit ? models.withRefit() : models);
            if (valueFrom != null) {
                if (valueFrom.isAfter(day)) {
                    throw new InputException("--value-from " + valueFrom + " lies after --as-of " + day);
                }
                request = request.withValueFrom(valueFrom);
            }
            try (JdbcStorage storage = CrmDatabase.open(db, true);
                    Crm crm = Crm.builder().storage(storage).build()) {
                TenantCrm target = crm.tenant(tenant);
                long customers = target.customers().count(CustomerQuery.all());
                if (customers == 0) {
                    throw new InputException("tenant " + tenant + " has no customers in " + db);
                }
                ProgressBar bar = new ProgressBar(err, "scoring", "customers");
                long started = System.nanoTime();
                ScoringListener listener = p -> {
                    if (p.phase() == ScoringListener.Phase.WRITING || p.phase() == ScoringListener.Phase.COMPLETED) {
                        bar.update(p.done(), p.total(), p.done(), Duration.ofNanos(System.nanoTime() - started));
                    }
                };
                ScoringReport report;
                try {
                    report = target.scoring().run(request.withListener(listener));
                } finally {
                    bar.finish();
                }
                print(out, report);
            }
            return 0;
        } catch (InputException e) {
            err.println("crm score: " + e.getMessage());
            return 2;
        } catch (MissingExchangeRateException e) {
            err.println("crm score: " + e.getMessage() + " (score in the tenant's currency with --currency)");
            return 2;
        } catch (ValidationException e) {
            err.println("crm score: invalid request: " + e.getMessage());
            return 2;
        }
    }

    private void print(PrintWriter out, ScoringReport report) {
        Map<String, Integer> moves = Demo.transitions(report.result());
        int moved = moves.values().stream().mapToInt(Integer::intValue).sum();
        out.printf(
                Locale.ROOT,
                "Scored %,d customers of tenant %s as of %s (%,d purchases read) in %.1f s: %,d snapshots written,"
                        + " %,d events, %,d lifecycle transitions%n",
                report.customers(),
                tenant,
                report.asOf(),
                report.purchases(),
                report.elapsed().toMillis() / 1000.0,
                report.snapshotsWritten(),
                report.eventsPublished(),
                moved);
        out.println("Models: " + report.attributes().getOrDefault("model.status", "-"));
        moves.forEach((move, n) -> out.printf(Locale.ROOT, "  %-28s %,7d%n", move, n));
        report.result().results().forEach((rule, c) -> {
            StringBuilder line = new StringBuilder();
            new TreeMap<>(c.counts())
                    .forEach((label, n) -> line.append(line.length() == 0 ? "" : ", ")
                            .append(label)
                            .append(' ')
                            .append(n));
            out.printf(Locale.ROOT, "%-10s %s%n", rule, line);
        });
        out.flush();
    }
}
