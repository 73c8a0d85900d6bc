package dev.guanxi.crm.examples;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar on standard error: {@code label [#####-----] 51% 5,100/10,000 rows 2,345 rows/s ETA
 * 2s}, redrawn in place with a carriage return at most every 200 ms, ended with a line break by {@link
 * #finish}. Not thread-safe: one per run.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label, String unit) {
        this.err = err;
        this.label = label;
        this.unit = unit;
    }

    /**
     * Redraws the bar unless it was drawn less than 200 ms ago.
     *
     * @param done units done
     * @param total units in all, or 0 if unknown
     * @param doneThisRun units done since the bar started (for the rate)
     * @param elapsed time since the bar started
     */
    void update(long done, long total, long doneThisRun, Duration elapsed) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && (total == 0 || done < total)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? doneThisRun / seconds : 0;
        StringBuilder line = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[')
                    .append("#".repeat(filled))
                    .append("-".repeat(WIDTH - filled))
                    .append(String.format(
                            Locale.ROOT, "] %3d%% %,d/%,d %s", Math.round(fraction * 100), done, total, unit));
        } else {
            line.append(String.format(Locale.ROOT, "%,d %s", done, unit));
        }
        line.append(String.format(Locale.ROOT, "  %,.0f %s/s", rate, unit));
        if (total > 0 && rate > 0 && done < total) {
            line.append(String.format(Locale.ROOT, "  ETA %ds", Math.round((total - done) / rate)));
        }
        line.append("   ");
        err.print(line);
        err.flush();
    }

    /** Ends the bar's line, if it was drawn. */
    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
