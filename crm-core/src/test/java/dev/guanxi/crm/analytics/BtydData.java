package dev.guanxi.crm.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The public BTYD datasets of ../shared/data/btyd (see its README: CDNOW sample of Fader and Hardie, copied
 * from the lifetimes repository), found by walking up from the working directory to the directory that has
 * {@code shared/data/btyd} beside the repository. Public for the tests of other packages (the classification
 * tests grade the CDNOW sample).
 */
public final class BtydData {
    /** The end of the standard 39-week calibration period of the CDNOW data. */
    public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    static final LocalDate OBSERVATION_END = LocalDate.of(1998, 6, 30);
    static final LocalDate COHORT_START = LocalDate.of(1997, 1, 1);

    private static TransactionLog cdnow;
    private static CustomerSummaries cdnowSummaries;

    private BtydData() {}

    static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/data/btyd");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "shared/data/btyd not found above " + Path.of("").toAbsolutePath());
    }

    /** CDNOW_sample.txt: master id, sample id (1..2357), date YYYYMMDD, CDs, dollars; keyed by sample id. */
    static synchronized TransactionLog cdnowLog() {
        if (cdnow == null) {
            TransactionLog log = new TransactionLog(2);
            DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
            for (String line : lines("CDNOW_sample.txt")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5) {
                    continue;
                }
                int id = Integer.parseInt(f[1]);
                LocalDate date = LocalDate.parse(f[2], basic);
                long cents = new BigDecimal(f[4]).movePointRight(2).longValueExact();
                log.add(id - 1, (int) date.toEpochDay(), cents);
            }
            cdnow = log;
        }
        return cdnow;
    }

    /** The 39-week calibration / 39-week holdout summaries of the CDNOW sample, in weeks. */
    static synchronized CustomerSummaries cdnowSummaries() {
        if (cdnowSummaries == null) {
            cdnowSummaries = CustomerSummaries.fromLog(cdnowLog(), CALIBRATION_END, OBSERVATION_END, PeriodUnit.WEEKS);
        }
        return cdnowSummaries;
    }

    /** Rows of a CSV file without its header, split on commas. */
    static List<String[]> csv(String name) {
        List<String[]> rows = new ArrayList<>();
        List<String> all = lines(name);
        for (int i = 1; i < all.size(); i++) {
            if (!all.get(i).isBlank()) {
                rows.add(all.get(i).trim().split(","));
            }
        }
        return rows;
    }

    /**
     * Reads a file of the datasets directory.
     *
     * @param name the file's name, e.g. {@code CDNOW_sample.txt}
     * @return its lines
     */
    public static List<String> lines(String name) {
        try {
            return Files.readAllLines(directory().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
