package dev.guanxi.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("CampaignTarget and NewCampaignTarget validate their components")
class CampaignTargetTest {
    static final CampaignId CAMPAIGN = CampaignId.random();
    static final CustomerId CUSTOMER = CustomerId.random();
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private static CampaignTarget target(String source, Integer rank, Double value, String reason) {
        return new CampaignTarget(CAMPAIGN, CUSTOMER, NOW, source, rank, value, reason);
    }

    private static void invalid(Executable call, String field, ValidationRule rule) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    @DisplayName("rank is 1 to MAX_RANK or null; expectedValue finite or null; reason one line of 500 or null")
    void ranges() {
        invalid(() -> target("manual", 0, null, null), "rank", ValidationRule.OUT_OF_RANGE);
        invalid(() -> target("manual", -1, null, null), "rank", ValidationRule.OUT_OF_RANGE);
        invalid(() -> target("manual", CampaignTarget.MAX_RANK + 1, null, null), "rank", ValidationRule.OUT_OF_RANGE);
        invalid(() -> target("manual", null, Double.NaN, null), "expectedValue", ValidationRule.OUT_OF_RANGE);
        invalid(
                () -> target("manual", null, Double.POSITIVE_INFINITY, null),
                "expectedValue",
                ValidationRule.OUT_OF_RANGE);
        invalid(() -> target("manual", null, null, "line\nbreak"), "reason", ValidationRule.ILLEGAL_CHARACTER);
        invalid(() -> target("manual", null, null, " "), "reason", ValidationRule.BLANK);
        invalid(() -> target("manual", null, null, "x".repeat(501)), "reason", ValidationRule.TOO_LONG);

        // 500 code points of a character outside the BMP (1,000 UTF-16 units) is still within the limit.
        CampaignTarget longest = target("manual", CampaignTarget.MAX_RANK, -1.5e300, "😀".repeat(500));
        assertThat(longest.rank()).isEqualTo(CampaignTarget.MAX_RANK);
        CampaignTarget first = target("manual", 1, null, null);
        assertThat(first.reason()).isNull();
    }

    @Test
    @DisplayName("source is a code of [A-Za-z0-9_.-], 1 to 64 characters, and required")
    void source() {
        invalid(() -> target(null, 1, null, null), "source", ValidationRule.REQUIRED);
        invalid(() -> target("", 1, null, null), "source", ValidationRule.INVALID_FORMAT);
        invalid(() -> target("win back", 1, null, null), "source", ValidationRule.INVALID_FORMAT);
        invalid(() -> target("x".repeat(65), 1, null, null), "source", ValidationRule.INVALID_FORMAT);
        assertThat(target(CampaignTarget.WIN_BACK, 1, null, null).source()).isEqualTo("win-back");
    }

    @Test
    @DisplayName("-0.0 is stored as 0.0, so a target equals itself after any store's round trip")
    void negativeZero() {
        CampaignTarget t = target("manual", null, -0.0, null);
        NewCampaignTarget draft = new NewCampaignTarget(CUSTOMER, "manual", null, -0.0, null);
        assertThat(Double.doubleToRawLongBits(t.expectedValue())).isZero();
        assertThat(Double.doubleToRawLongBits(draft.expectedValue())).isZero();
        assertThat(t).isEqualTo(target("manual", null, 0.0, null));
    }

    @Test
    @DisplayName("ids and addedAt are required (programming errors); a draft needs its customer")
    void required() {
        assertThatThrownBy(() -> new CampaignTarget(null, CUSTOMER, NOW, "manual", null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CampaignTarget(CAMPAIGN, null, NOW, "manual", null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CampaignTarget(CAMPAIGN, CUSTOMER, null, "manual", null, null, null))
                .isInstanceOf(NullPointerException.class);
        invalid(() -> NewCampaignTarget.of(null, "manual"), "customerId", ValidationRule.REQUIRED);
        invalid(() -> new NewCampaignTarget(CUSTOMER, "manual", 0, null, null), "rank", ValidationRule.OUT_OF_RANGE);
    }

    @Test
    @DisplayName("CampaignTarget.of copies the draft and stamps the campaign and the instant")
    void ofDraft() {
        NewCampaignTarget draft = new NewCampaignTarget(CUSTOMER, "rfm", 7, 3.25, "理由");
        CampaignTarget t = CampaignTarget.of(CAMPAIGN, draft, NOW);
        assertThat(t).isEqualTo(new CampaignTarget(CAMPAIGN, CUSTOMER, NOW, "rfm", 7, 3.25, "理由"));
    }
}
