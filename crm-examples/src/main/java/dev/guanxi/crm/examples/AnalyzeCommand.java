package dev.guanxi.crm.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.CustomerLifetimeValue;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.GammaGammaModel;
import dev.guanxi.crm.analytics.MbgNbdModel;
import dev.guanxi.crm.analytics.ModelFit;
import dev.guanxi.crm.analytics.ParetoNbdModel;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.RepeatPurchaseModel;
import dev.guanxi.crm.analytics.TransactionLog;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm analyze}: fits a repeat-purchase model and the Gamma-Gamma spend model to a file and scores every
 * customer (P(alive), expected purchases, expected average value, CLV), with no database. The file formats are
 * a stable contract (see README).
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Fit BG/NBD, Pareto/NBD or MBG/NBD plus Gamma-Gamma to a file and score every customer.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--transactions", paramLabel = "FILE", description = "CSV with header customer_id,date,amount")
    Path transactions;

    @Option(
            names = "--summary",
            paramLabel = "FILE",
            description = "CSV with header customer_id,frequency,recency,T[,monetary_value], in the time unit")
    Path summary;

    @Option(
            names = "--calibration-end",
            paramLabel = "YYYY-MM-DD",
            description = "last day of the calibration period (default: the last transaction's day)")
    LocalDate calibrationEnd;

    @Option(
            names = "--observation-end",
            paramLabel = "YYYY-MM-DD",
            description = "last day of the holdout period, for holdout columns (default: none)")
    LocalDate observationEnd;

    @Option(names = "--time-unit", paramLabel = "week|day", defaultValue = "week")
    String timeUnit;

    @Option(names = "--model", paramLabel = "bgnbd|pareto-nbd|mbgnbd", defaultValue = "bgnbd")
    String model;

    @Option(
            names = "--horizon",
            paramLabel = "H",
            defaultValue = "39",
            description = "horizon of expected_purchases, in the time unit (default 39)")
    double horizon;

    @Option(names = "--clv-months", paramLabel = "M", defaultValue = "12")
    int clvMonths;

    @Option(names = "--discount-rate", paramLabel = "D", defaultValue = "0.01", description = "monthly")
    double discountRate;

    @Option(names = "--fixed-params", paramLabel = "FIT.json", description = "score with these parameters, no fit")
    Path fixedParams;

    @Option(names = "--out", paramLabel = "CUSTOMERS.csv", required = true)
    Path out;

    @Option(names = "--params-out", paramLabel = "FIT.json")
    Path paramsOut;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            run();
            return 0;
        } catch (InputException e) {
            err.println("crm analyze: " + e.getMessage());
            return 2;
        } catch (ValidationException e) {
            err.println("crm analyze: invalid data: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            err.println("crm analyze: "
                    + (cause instanceof java.nio.file.NoSuchFileException
                            ? "no such file: " + cause.getMessage()
                            : "cannot read or write a file: " + cause));
            return 2;
        }
    }

    void run() {
        if ((transactions == null) == (summary == null)) {
            throw new InputException("give exactly one of --transactions FILE and --summary FILE");
        }
        PeriodUnit unit = switch (timeUnit.toLowerCase(Locale.ROOT)) {
            case "week", "weeks" -> PeriodUnit.WEEKS;
            case "day", "days" -> PeriodUnit.DAYS;
            default -> throw new InputException("--time-unit must be week or day, not '" + timeUnit + "'");
        };
        if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            throw new InputException("--horizon must be a number at least 0");
        }
        if (clvMonths < 0) {
            throw new InputException("--clv-months must be at least 0");
        }
        if (!(discountRate > -1) || Double.isInfinite(discountRate)) {
            throw new InputException("--discount-rate must be a number above -1");
        }
        Input input = transactions != null ? readTransactions(transactions, unit) : readSummary(summary, unit);
        CustomerSummaries s = input.summaries();

        RepeatPurchaseModel purchases;
        GammaGammaModel spend = null;
        ObjectNode params = MAPPER.createObjectNode();
        if (fixedParams != null) {
            JsonNode fixed = readJson(fixedParams);
            purchases = fixedModel(fixed);
            JsonNode gg = fixed.path("gamma_gamma");
            if (gg.isObject()) {
                spend = new GammaGammaModel(
                        number(gg, "p", fixedParams), number(gg, "q", fixedParams), number(gg, "gamma", fixedParams));
            }
        } else {
            purchases = fit(s);
        }
        params.put("model", model); // after --fixed-params, which names its own model
        params.set("parameters", parameters(purchases));
        params.put("log_likelihood", logLikelihood(purchases, s));
        if (fixedParams != null) {
            params.put("fixed", true);
        }
        params.put("customers", s.size());

        double[] x = s.frequencies();
        double[] money = s.monetaryValues();
        if (spend == null && input.hasMonetary()) {
            int repeat = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] > 0 && money[i] > 0) {
                    repeat++;
                }
            }
            double[] rx = new double[repeat];
            double[] rm = new double[repeat];
            for (int i = 0, j = 0; i < x.length; i++) {
                if (x[i] > 0 && money[i] > 0) {
                    rx[j] = x[i];
                    rm[j++] = money[i];
                }
            }
            if (repeat > 0) {
                ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(rx, rm);
                spend = fit.requireConverged();
                ObjectNode gg = params.putObject("gamma_gamma");
                gg.put("p", spend.p());
                gg.put("q", spend.q());
                gg.put("gamma", spend.gamma());
                gg.put("log_likelihood", fit.logLikelihood());
                gg.put("customers", fit.observations());
                gg.put("converged", fit.isConverged());
            }
        } else if (spend != null) {
            ObjectNode gg = params.putObject("gamma_gamma");
            gg.put("p", spend.p());
            gg.put("q", spend.q());
            gg.put("gamma", spend.gamma());
        }
        writeCustomers(input, purchases, spend, unit);
        if (paramsOut != null) {
            try {
                MAPPER.writeValue(paramsOut.toFile(), params);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private RepeatPurchaseModel fit(CustomerSummaries s) {
        ModelFit<? extends RepeatPurchaseModel> fit = switch (model) {
            case "bgnbd" -> BgNbdModel.fit(s);
            case "pareto-nbd" -> ParetoNbdModel.fit(s);
            case "mbgnbd" -> MbgNbdModel.fit(s);
            default -> throw new InputException("--model must be bgnbd, pareto-nbd or mbgnbd, not '" + model + "'");
        };
        return fit.requireConverged();
    }

    private RepeatPurchaseModel fixedModel(JsonNode fixed) {
        model = fixed.path("model").asText(model);
        String[] names = model.equals("pareto-nbd")
                ? new String[] {"r", "alpha", "s", "beta"}
                : new String[] {"r", "alpha", "a", "b"};
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            v[k] = number(fixed.path("parameters"), names[k], fixedParams);
        }
        return switch (model) {
            case "bgnbd" -> BgNbdModel.of(v[0], v[1], v[2], v[3]);
            case "pareto-nbd" -> ParetoNbdModel.of(v[0], v[1], v[2], v[3]);
            case "mbgnbd" -> MbgNbdModel.of(v[0], v[1], v[2], v[3]);
            default -> throw new InputException(fixedParams + ": model must be bgnbd, pareto-nbd or mbgnbd");
        };
    }

    private static ObjectNode parameters(RepeatPurchaseModel m) {
        ObjectNode p = MAPPER.createObjectNode();
        if (m instanceof BgNbdModel b) {
            p.put("r", b.r()).put("alpha", b.alpha()).put("a", b.a()).put("b", b.b());
        } else if (m instanceof ParetoNbdModel pn) {
            p.put("r", pn.r()).put("alpha", pn.alpha()).put("s", pn.s()).put("beta", pn.beta());
        } else if (m instanceof MbgNbdModel mb) {
            p.put("r", mb.r()).put("alpha", mb.alpha()).put("a", mb.a()).put("b", mb.b());
        }
        return p;
    }

    /** The model's log-likelihood on these summaries (also for fixed parameters). */
    private static double logLikelihood(RepeatPurchaseModel m, CustomerSummaries s) {
        if (!Double.isNaN(m.logLikelihood())) {
            return m.logLikelihood(); // a fitted model: the maximum the fit reached
        }
        if (m instanceof BgNbdModel b) {
            return b.logLikelihood(s);
        } else if (m instanceof ParetoNbdModel p) {
            return p.logLikelihood(s);
        } else if (m instanceof MbgNbdModel mb) {
            return mb.logLikelihood(s);
        }
        return m.logLikelihood();
    }

    private void writeCustomers(Input input, RepeatPurchaseModel purchases, GammaGammaModel spend, PeriodUnit unit) {
        CustomerSummaries s = input.summaries();
        CustomerLifetimeValue lifetimeValue = spend == null
                ? null
                : unit == PeriodUnit.WEEKS
                        ? CustomerLifetimeValue.weekly(purchases, spend, clvMonths, discountRate)
                        : CustomerLifetimeValue.daily(purchases, spend, clvMonths, discountRate);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases,"
                    + "expected_average_value,clv\n");
            StringBuilder line = new StringBuilder(200);
            double[] pAlive = new double[s.size()];
            double[] expected = new double[s.size()];
            purchases.score(s, horizon, pAlive, expected); // batch: shares work between equal (x, T)
            for (int i = 0; i < s.size(); i++) {
                double x = s.frequency(i);
                double tx = s.recency(i);
                double age = s.age(i);
                double m = s.monetaryValue(i);
                double value = Double.NaN;
                double clv = Double.NaN;
                if (spend != null) {
                    value = spend.conditionalExpectedAverageValue(x, m); // the population mean when x = 0
                    clv = lifetimeValue.value(x, tx, age, m);
                }
                line.setLength(0);
                line.append(csv(input.ids().get(i)))
                        .append(',')
                        .append(x)
                        .append(',')
                        .append(tx)
                        .append(',')
                        .append(age)
                        .append(',')
                        .append(input.hasMonetary() ? Double.toString(m) : "")
                        .append(',')
                        .append(pAlive[i])
                        .append(',')
                        .append(expected[i])
                        .append(',')
                        .append(Double.isNaN(value) ? "" : Double.toString(value))
                        .append(',')
                        .append(Double.isNaN(clv) ? "" : Double.toString(clv))
                        .append('\n');
                w.write(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The customers in input order and their summaries. */
    record Input(List<String> ids, CustomerSummaries summaries, boolean hasMonetary) {}

    private Input readTransactions(Path file, PeriodUnit unit) {
        TransactionLog log = new TransactionLog(4);
        LocalDate last = null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            Map<String, Integer> columns = header(file, header, List.of("customer_id", "date", "amount"));
            int ci = columns.get("customer_id");
            int di = columns.get("date");
            int ai = columns.get("amount");
            String text;
            int lineNo = 1;
            while ((text = r.readLine()) != null) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = split(text);
                if (f.length < columns.size()) {
                    throw new InputException(
                            file + " line " + lineNo + ": expected " + columns.size() + " columns, got " + f.length);
                }
                String id = f[ci].strip();
                if (id.isEmpty()) {
                    throw new InputException(file + " line " + lineNo + ", column customer_id: empty");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(f[di].strip());
                } catch (DateTimeParseException e) {
                    throw new InputException(file + " line " + lineNo + ", column date: '" + f[di]
                            + "' is not an ISO date (YYYY-MM-DD)");
                }
                long minor;
                try {
                    BigDecimal amount = new BigDecimal(f[ai].strip());
                    if (amount.signum() < 0) {
                        throw new InputException(
                                file + " line " + lineNo + ", column amount: negative amount " + amount);
                    }
                    minor = amount.movePointRight(4)
                            .setScale(0, java.math.RoundingMode.UNNECESSARY)
                            .longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new InputException(file + " line " + lineNo + ", column amount: '" + f[ai]
                            + "' is not an amount with at most 4 decimals");
                }
                log.add(id, date, minor);
                if (last == null || date.isAfter(last)) {
                    last = date;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (last == null) {
            throw new InputException(file + ": no transactions");
        }
        LocalDate end = calibrationEnd != null ? calibrationEnd : last;
        CustomerSummaries s = observationEnd == null
                ? CustomerSummaries.fromLog(log, end, unit)
                : CustomerSummaries.fromLog(log, end, observationEnd, unit);
        List<String> ids = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            ids.add((String) log.customerKey(s.customer(i)).orElseThrow());
        }
        return new Input(ids, s, true);
    }

    private Input readSummary(Path file, PeriodUnit unit) {
        List<String> ids = new ArrayList<>();
        double[] x = new double[1024];
        double[] tx = new double[1024];
        double[] age = new double[1024];
        double[] money = new double[1024];
        boolean hasMonetary;
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            Map<String, Integer> columns = header(file, header, List.of("customer_id", "frequency", "recency", "T"));
            hasMonetary = columns.containsKey("monetary_value");
            String text;
            int lineNo = 1;
            while ((text = r.readLine()) != null) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = split(text);
                if (n == x.length) {
                    x = Arrays.copyOf(x, n * 2);
                    tx = Arrays.copyOf(tx, n * 2);
                    age = Arrays.copyOf(age, n * 2);
                    money = Arrays.copyOf(money, n * 2);
                }
                ids.add(field(file, lineNo, f, columns, "customer_id"));
                x[n] = number(file, lineNo, f, columns, "frequency");
                tx[n] = number(file, lineNo, f, columns, "recency");
                age[n] = number(file, lineNo, f, columns, "T");
                money[n] = hasMonetary ? number(file, lineNo, f, columns, "monetary_value") : 0;
                if (x[n] < 0) {
                    throw new InputException(file + " line " + lineNo + ", column frequency: must be at least 0");
                }
                if (tx[n] < 0 || tx[n] > age[n]) {
                    throw new InputException(file + " line " + lineNo + ", column recency: must be between 0 and T");
                }
                if (x[n] == 0 && tx[n] != 0) {
                    throw new InputException(
                            file + " line " + lineNo + ", column recency: must be 0 when frequency is 0");
                }
                if (money[n] < 0) {
                    throw new InputException(file + " line " + lineNo + ", column monetary_value: must be at least 0");
                }
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CustomerSummaries s = CustomerSummaries.of(
                Arrays.copyOf(x, n),
                Arrays.copyOf(tx, n),
                Arrays.copyOf(age, n),
                hasMonetary ? Arrays.copyOf(money, n) : null,
                unit);
        return new Input(ids, s, hasMonetary);
    }

    private static Map<String, Integer> header(Path file, String header, List<String> required) {
        if (header == null) {
            throw new InputException(file + ": empty file, expected a header " + String.join(",", required));
        }
        String[] names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip(), i);
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw new InputException(file + " line 1: missing column " + name + " (header must be "
                        + String.join(",", required) + ")");
            }
        }
        return columns;
    }

    private static String field(Path file, int lineNo, String[] f, Map<String, Integer> columns, String name) {
        int i = columns.get(name);
        if (i >= f.length || f[i].isBlank()) {
            throw new InputException(file + " line " + lineNo + ", column " + name + ": missing value");
        }
        return f[i].strip();
    }

    private static double number(Path file, int lineNo, String[] f, Map<String, Integer> columns, String name) {
        String text = field(file, lineNo, f, columns, name);
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(
                    file + " line " + lineNo + ", column " + name + ": '" + text + "' is not a finite number");
        }
    }

    private static double number(JsonNode node, String name, Path file) {
        JsonNode v = node.get(name);
        if (v == null || !v.isNumber()) {
            throw new InputException(file + ": missing number '" + name + "'");
        }
        return v.asDouble();
    }

    private static JsonNode readJson(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static String csv(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A problem with the command line or an input file: one line for the user, exit code 2. */
    static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }
}
