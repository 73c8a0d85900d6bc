package dev.guanxi.crm.examples.report;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the report of the full CDNOW sample (in memory) to {@code -Dreport.out=FILE}, e.g. to render it with
 * headless Chromium; skipped without the property.
 */
class CdnowReportMain {
    public static void main(String[] args) {
        write(Path.of(args.length > 0 ? args[0] : "report.html"));
    }

    static void write(Path out) {
        try (Crm crm = Crm.builder()
                .clock(Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC))
                .build()) {
            TenantCrm shop = crm.tenant("cdnow-demo");
            int n = ReportFixture.load(shop, ReportFixture.cdnow(), 7);
            HtmlReport.write(shop, ReportFixture.AS_OF, out);
            System.out.println(n + " customers; report written to " + out.toAbsolutePath());
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "report.out", matches = ".+")
    void cdnow() {
        write(Path.of(System.getProperty("report.out")));
    }
}
