package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm analyze} on the CDNOW data (../shared/data/btyd): the fitted parameters must be the published ones
 * (Fader, Hardie &amp; Lee 2005; Fader &amp; Hardie 2013), the file formats the documented contract.
 */
class AnalyzeCommandTest {
    private static final String HEADER =
            "customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases,expected_average_value,clv";

    @TempDir
    static Path dir;

    static Path summary;
    static Path transactions;

    @BeforeAll
    static void writeInputs() throws IOException {
        Path data = btyd();
        // The 39-week calibration summary in the contract's header.
        List<String> rows = Files.readAllLines(data.resolve("cdnow_customers_summary_with_transactions.csv"));
        List<String> out = new ArrayList<>();
        out.add("customer_id,frequency,recency,T,monetary_value");
        rows.stream().skip(1).forEach(out::add);
        summary = Files.write(dir.resolve("summary.csv"), out);
        // The raw purchases as customer_id,date,amount.
        List<String> tx = new ArrayList<>();
        tx.add("customer_id,date,amount");
        for (String line : Files.readAllLines(data.resolve("CDNOW_sample.txt"))) {
            String[] f = line.trim().split("\\s+");
            String d = f[2];
            tx.add(Integer.parseInt(f[1]) + "," + d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6)
                    + "," + f[4]);
        }
        transactions = Files.write(dir.resolve("transactions.csv"), tx);
    }

    static Path btyd() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("shared/data/btyd"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException(
                    "shared/data/btyd not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("shared/data/btyd");
    }

    record Result(int exitCode, String out, String err) {}

    static Result crm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CrmCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    @DisplayName("BG/NBD + Gamma-Gamma on the CDNOW summary reproduce the published parameters")
    void bgnbdOnSummary() throws IOException {
        Path out = dir.resolve("bg.csv");
        Path fit = dir.resolve("bg.json");
        Result r = crm(
                "analyze", "--summary", summary.toString(), "--out", out.toString(), "--params-out", fit.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        JsonNode p = json(fit);
        assertThat(p.get("model").asText()).isEqualTo("bgnbd");
        assertThat(p.get("customers").asInt()).isEqualTo(2_357);
        // Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
        assertThat(p.at("/parameters/r").asDouble()).isCloseTo(0.243, Offset.offset(0.005));
        assertThat(p.at("/parameters/alpha").asDouble()).isCloseTo(4.414, Percentage.withPercentage(0.5));
        assertThat(p.at("/parameters/a").asDouble()).isCloseTo(0.793, Offset.offset(0.005));
        assertThat(p.at("/parameters/b").asDouble()).isCloseTo(2.426, Percentage.withPercentage(0.5));
        assertThat(p.get("log_likelihood").asDouble()).isCloseTo(-9582.4, Offset.offset(0.1));
        // Fader & Hardie (2013): p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat buyers.
        assertThat(p.at("/gamma_gamma/p").asDouble()).isCloseTo(6.25, Offset.offset(0.01));
        assertThat(p.at("/gamma_gamma/q").asDouble()).isCloseTo(3.74, Offset.offset(0.01));
        assertThat(p.at("/gamma_gamma/gamma").asDouble()).isCloseTo(15.44, Offset.offset(0.02));
        assertThat(p.at("/gamma_gamma/customers").asInt()).isEqualTo(946);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines).hasSize(2_358);
        // Input order, and customer 1 (x = 2, t_x = 30.43, T = 38.86): E[Y(39)] = 1.226 at the published values.
        String[] first = lines.get(1).split(",");
        assertThat(first[0]).isEqualTo("1");
        assertThat(Double.parseDouble(first[6])).isCloseTo(1.226, Offset.offset(0.005));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(9);
            assertThat(Double.parseDouble(f[5])).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(f[6])).isNotNegative();
            assertThat(Double.parseDouble(f[8])).isNotNegative();
        }
    }

    @Test
    @DisplayName("the transaction file with a calibration end gives the same fit as the published summary")
    void transactionsGiveTheSameFit() throws IOException {
        Path fitFromSummary = dir.resolve("s.json");
        Path fitFromLog = dir.resolve("t.json");
        assertThat(crm(
                                "analyze",
                                "--summary",
                                summary.toString(),
                                "--out",
                                dir.resolve("s.csv").toString(),
                                "--params-out",
                                fitFromSummary.toString())
                        .exitCode())
                .isZero();
        Result r = crm(
                "analyze",
                "--transactions",
                transactions.toString(),
                "--calibration-end",
                "1997-09-30",
                "--out",
                dir.resolve("t.csv").toString(),
                "--params-out",
                fitFromLog.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // The summary file is rounded to 2 decimals of a week; the log is exact: the fits agree to that rounding.
        assertThat(json(fitFromLog).get("log_likelihood").asDouble())
                .isCloseTo(json(fitFromSummary).get("log_likelihood").asDouble(), Offset.offset(1.0));
        assertThat(json(fitFromLog).at("/parameters/r").asDouble())
                .isCloseTo(json(fitFromSummary).at("/parameters/r").asDouble(), Offset.offset(0.002));
        assertThat(Files.readAllLines(dir.resolve("t.csv"))).hasSize(2_358);
    }

    @Test
    @DisplayName("--fixed-params scores with the given parameters, without fitting: the same scores as the fit")
    void fixedParams() throws IOException {
        Path out = dir.resolve("fit.csv");
        Path fit = dir.resolve("fit.json");
        assertThat(crm(
                                "analyze",
                                "--summary",
                                summary.toString(),
                                "--out",
                                out.toString(),
                                "--params-out",
                                fit.toString())
                        .exitCode())
                .isZero();
        Path again = dir.resolve("fixed.csv");
        Path params = dir.resolve("fixed.json");
        Result r = crm(
                "analyze",
                "--summary",
                summary.toString(),
                "--fixed-params",
                fit.toString(),
                "--out",
                again.toString(),
                "--params-out",
                params.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(again)).isEqualTo(Files.readAllLines(out));
        // Recomputed on the customers rather than taken from the optimiser (summed per pattern): the same value
        // up to the order of summation, 1e-9 relative.
        double fitted = json(fit).get("log_likelihood").asDouble();
        assertThat(json(params).get("log_likelihood").asDouble())
                .isCloseTo(fitted, Offset.offset(Math.abs(fitted) * 1e-9));
    }

    @Test
    @DisplayName("Pareto/NBD and MBG/NBD run through the same contract")
    void otherModels() throws IOException {
        Path pareto = dir.resolve("pareto.json");
        assertThat(crm(
                                "analyze",
                                "--summary",
                                summary.toString(),
                                "--model",
                                "pareto-nbd",
                                "--out",
                                dir.resolve("p.csv").toString(),
                                "--params-out",
                                pareto.toString())
                        .exitCode())
                .isZero();
        // Fader, Hardie & Lee (2005): Pareto/NBD LL = -9595.0, r = 0.553, alpha = 10.578, s = 0.606.
        assertThat(json(pareto).get("log_likelihood").asDouble()).isCloseTo(-9595.0, Offset.offset(0.1));
        assertThat(json(pareto).at("/parameters/s").asDouble()).isCloseTo(0.606, Percentage.withPercentage(1));
        assertThat(json(pareto).at("/parameters/beta").isNumber()).isTrue();
        // Re-scoring with those parameters keeps the model the JSON names, whatever --model says.
        Path again = dir.resolve("pareto-again.json");
        assertThat(crm(
                                "analyze",
                                "--summary",
                                summary.toString(),
                                "--fixed-params",
                                pareto.toString(),
                                "--out",
                                dir.resolve("p2.csv").toString(),
                                "--params-out",
                                again.toString())
                        .exitCode())
                .isZero();
        assertThat(json(again).get("model").asText()).isEqualTo("pareto-nbd");
        assertThat(Files.readAllLines(dir.resolve("p2.csv"))).isEqualTo(Files.readAllLines(dir.resolve("p.csv")));
        Path mbg = dir.resolve("mbg.json");
        assertThat(crm(
                                "analyze",
                                "--summary",
                                summary.toString(),
                                "--model",
                                "mbgnbd",
                                "--out",
                                dir.resolve("m.csv").toString(),
                                "--params-out",
                                mbg.toString())
                        .exitCode())
                .isZero();
        // BTYDplus: MBG/NBD r = 0.525, alpha = 6.183, a = 0.891, b = 1.614.
        assertThat(json(mbg).at("/parameters/b").asDouble()).isCloseTo(1.614, Percentage.withPercentage(0.5));
    }

    @Test
    @DisplayName("bad files and options exit 2 with one line naming the line and the column")
    void badInput() throws IOException {
        Path out = dir.resolve("bad-out.csv");
        Path noColumn = Files.writeString(dir.resolve("nocol.csv"), "customer_id,date\n1,2026-01-01\n");
        Result r = crm("analyze", "--transactions", noColumn.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("line 1").contains("missing column amount");
        assertThat(r.err().strip().lines()).hasSize(1);

        Path badDate =
                Files.writeString(dir.resolve("date.csv"), "customer_id,date,amount\n1,2026-01-01,5\n2,2026-13-01,5\n");
        r = crm("analyze", "--transactions", badDate.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("line 3, column date");

        Path negative = Files.writeString(dir.resolve("neg.csv"), "customer_id,date,amount\n1,2026-01-01,-5\n");
        r = crm("analyze", "--transactions", negative.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("line 2, column amount");

        Path recency = Files.writeString(dir.resolve("tx.csv"), "customer_id,frequency,recency,T\na,1,5,3\n");
        r = crm("analyze", "--summary", recency.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("line 2, column recency");

        r = crm("analyze", "--summary", summary.toString(), "--model", "nope", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model");

        r = crm("analyze", "--summary", dir.resolve("missing.csv").toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no such file: ").contains("missing.csv");

        r = crm("analyze", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("exactly one of --transactions");
    }
}
