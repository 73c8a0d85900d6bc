package dev.guanxi.crm.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the public BTYD datasets of {@code ../shared/data/btyd/} (see its README: lifetimes repository, MIT
 * licence; data by Fader and Hardie) as columns.
 */
final class SpendDatasets {
    private SpendDatasets() {}

    /** The donations patterns of Fader, Hardie &amp; Shang (2010). */
    record Donations(int[] frequency, int[] recency, int[] periods, double[] weights) {}

    /** The CDNOW 39-week calibration summary with the mean repeat-purchase value. */
    record CdnowSummary(double[] x, double[] tx, double[] age, double[] zbar) {}

    static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/data/btyd");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared/data/btyd");
            if (dir.getParent() != null && Files.isDirectory(sibling)) {
                return sibling;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "../shared/data/btyd not found above " + Path.of("").toAbsolutePath());
    }

    static Donations donations() {
        List<String> lines = lines("donations.csv");
        int n = lines.size() - 1;
        int[] f = new int[n];
        int[] r = new int[n];
        int[] p = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            String[] c = lines.get(i + 1).split(",");
            f[i] = Integer.parseInt(c[0].trim());
            r[i] = Integer.parseInt(c[1].trim());
            p[i] = Integer.parseInt(c[2].trim());
            w[i] = Double.parseDouble(c[3].trim());
        }
        return new Donations(f, r, p, w);
    }

    static CdnowSummary cdnow() {
        List<String> lines = lines("cdnow_customers_summary_with_transactions.csv");
        int n = lines.size() - 1;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] zbar = new double[n];
        for (int i = 0; i < n; i++) {
            String[] c = lines.get(i + 1).split(",");
            x[i] = Double.parseDouble(c[1].trim());
            tx[i] = Double.parseDouble(c[2].trim());
            age[i] = Double.parseDouble(c[3].trim());
            zbar[i] = Double.parseDouble(c[4].trim());
        }
        return new CdnowSummary(x, tx, age, zbar);
    }

    private static List<String> lines(String name) {
        try {
            return Files.readAllLines(directory().resolve(name)).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
