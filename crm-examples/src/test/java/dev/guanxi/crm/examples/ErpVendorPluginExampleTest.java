package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.examples.ErpVendorPluginExample.ErpPlugin;
import dev.guanxi.crm.examples.ErpVendorPluginExample.PriceListRule;
import dev.guanxi.crm.examples.ErpVendorPluginExample.RecordingBillingPort;
import dev.guanxi.crm.examples.ErpVendorPluginExample.Scenario;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErpVendorPluginExampleTest {
    private static int databases;

    private String url;
    private final RecordingBillingPort billing = new RecordingBillingPort();
    private final ErpPlugin plugin = new ErpPlugin(billing);
    private Crm crm;
    private Scenario scenario;
    private String printed;

    @BeforeEach
    void runScenario() {
        // A named in-memory H2 database that outlives its connections, so that a second store can reopen it.
        url = "jdbc:h2:mem:erp_plugin_test_" + (++databases) + ";DB_CLOSE_DELAY=-1";
        crm = ErpVendorPluginExample.open(
                JdbcStorage.builder(url, "sa", "").build(),
                Clock.fixed(ErpVendorPluginExample.NOW, ZoneOffset.UTC),
                plugin);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        scenario = ErpVendorPluginExample.run(crm, plugin, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void close() {
        crm.close();
    }

    @Test
    @DisplayName("the billing port receives exactly the grade changes of both runs and the one arrears warning")
    void billingReceivesTheExpectedEvents() {
        // Run 1 (value 2025-01-01..2025-12-31): EC 300,000, NW 40,000, WL 8,000, YT 2,000 of 350,000.
        // Share held above: EC 0 -> KEY; NW 300/350 = .857 < .95 -> ORDINARY; WL 340/350 = .971 -> SMALL; YT SMALL.
        // Run 2 (value 2025-07-01..2026-06-30): EC 300,000, WL 58,000, NW 20,000, YT 6,000 of 384,000.
        // Share above WL: 300/384 = .781 < .80 -> KEY (was SMALL); NW 358/384 = .932 stays ORDINARY; YT stays SMALL.
        // Arrears for WL in run 2: limit used 50,000/50,000 = 1 -> 0.35; history 15 days -> 0.10 x (1 - 15/180)
        // = 0.0917; owed grew from 0 -> 0.10; no trend, no part payments: risk 100 x 0.5417 = 54 >= 40.
        List<String> messages = billing.messages();
        assertThat(messages)
                .hasSize(6)
                .containsAll(List.of(
                        "graded EC-1001 null->KEY 2025-12-31",
                        "graded NW-2002 null->ORDINARY 2025-12-31",
                        "graded WL-4004 null->SMALL 2025-12-31",
                        "graded YT-3003 null->SMALL 2025-12-31"));
        assertThat(messages.get(4)).isEqualTo("graded WL-4004 SMALL->KEY 2026-06-30");
        assertThat(messages.get(5))
                .startsWith("arrears WL-4004 risk 54 2026-06-30: ")
                .contains("100% of the credit limit used");
    }

    @Test
    @DisplayName("the guard's veto keeps the contract customer active and is recorded with its reason")
    void guardVetoIsRecorded() {
        TenantCrm acme = crm.tenant(ErpVendorPluginExample.TENANT);
        Customer east = scenario.underContract();
        // 2025-07-15, 09-15, 11-15: mean interval 61.5 days; on 2026-06-30, 227 days since the last purchase
        // exceed 1.5 x 61.5 = 92 (KEY): the policy proposes AT_RISK, the guard vetoes it.
        List<StageTransition> log = acme.lifecycle().history(east.id()).transitions();
        assertThat(log).hasSize(1);
        StageTransition placement = log.get(0);
        assertThat(placement.to()).isEqualTo(LifecycleStage.ACTIVE);
        ScoreSnapshot snapshot = acme.scoring().snapshot(east.id()).orElseThrow();
        assertThat(snapshot.label("lifecycle.reason"))
                .isEqualTo("stays ACTIVE: move vetoed: under contract until 2027-12-31");
        BigDecimal vetoed = snapshot.metric("lifecycle.vetoed");
        assertThat(vetoed).isEqualByComparingTo("1");
        assertThat(printed).contains("to LOST: VETOED (under contract until 2027-12-31)");

        // The same pause without a contract: Northwind (2025-04-01, 08-01, 333 days > 2 x 122) moves to AT_RISK.
        List<StageTransition> north =
                acme.lifecycle().history(scenario.fading().id()).transitions();
        assertThat(north)
                .extracting(StageTransition::to)
                .containsExactly(LifecycleStage.ACTIVE, LifecycleStage.AT_RISK);
    }

    @Test
    @DisplayName("the vendor's custom fields round-trip through a second store on the same database")
    void customFieldsRoundTrip() {
        try (Crm reopened = ErpVendorPluginExample.open(
                JdbcStorage.builder(url, "sa", "").build(),
                Clock.fixed(ErpVendorPluginExample.NOW, ZoneOffset.UTC),
                new ErpPlugin(new RecordingBillingPort()))) {
            Customer east = reopened.tenant(ErpVendorPluginExample.TENANT)
                    .customers()
                    .findByExternalId("EC-1001")
                    .orElseThrow();
            String code = east.customFields()
                    .get(ErpVendorPluginExample.ACCOUNT_CODE.key())
                    .orElseThrow();
            LocalDate end = east.customFields()
                    .get(ErpVendorPluginExample.CONTRACT_END.key())
                    .orElseThrow();
            assertThat(code).isEqualTo("EC-1001");
            assertThat(end).isEqualTo(LocalDate.of(2027, 12, 31));
            assertThat(east.id()).isEqualTo(scenario.underContract().id());
        }
        assertThat(printed).contains("refused: customFields.acmeerp.account_code: INVALID_FORMAT");
    }

    @Test
    @DisplayName("the price-list rule's results are part of the scoring results and of the stored snapshots")
    void customRuleResults() {
        Classifications prices =
                scenario.second().result().result(PriceListRule.NAME).orElseThrow();
        // EC KEY -> P1; NW ORDINARY -> P2; YT SMALL -> P3; WL KEY but warned -> P3 with the discount suspended.
        assertThat(prices.label(prices.indexOf(scenario.underContract().id()))).isEqualTo("P1");
        assertThat(prices.label(prices.indexOf(scenario.fading().id()))).isEqualTo("P2");
        assertThat(prices.label(prices.indexOf(scenario.growing().id()))).isEqualTo("P3");
        int lake = prices.indexOf(scenario.arrears().id());
        assertThat(prices.label(lake)).isEqualTo("P3");
        assertThat(prices.reason(lake))
                .isEqualTo("P3 (0% off): KEY customer, discount suspended by an arrears warning");
        double points = prices.explain(lake).contributions().get(1).points();
        assertThat(points).isEqualTo(-8.0);
        ScoreSnapshot stored = crm.tenant(ErpVendorPluginExample.TENANT)
                .scoring()
                .snapshot(scenario.arrears().id())
                .orElseThrow();
        assertThat(stored.label(PriceListRule.NAME)).isEqualTo("P3");
    }

    @Test
    @DisplayName("main runs the scenario on in-memory H2 and prints the six billing messages")
    void mainRuns() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            ErpVendorPluginExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("billing received 6 messages:", "  graded WL-4004 SMALL->KEY 2026-06-30");
    }
}
