package dev.guanxi.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.IllegalTransitionException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("CampaignStatus")
class CampaignStatusTest {
    private static final Set<String> ALLOWED =
            Set.of("PLANNED>ACTIVE", "PLANNED>CANCELLED", "ACTIVE>COMPLETED", "ACTIVE>CANCELLED");

    static Stream<Arguments> everyPair() {
        return Stream.of(CampaignStatus.values())
                .flatMap(from -> Stream.of(CampaignStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    @DisplayName("allows exactly PLANNED->ACTIVE/CANCELLED and ACTIVE->COMPLETED/CANCELLED")
    void table(CampaignStatus from, CampaignStatus to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        assertThat(from.next().contains(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.requireTransitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.requireTransitionTo(to))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(from);
                        assertThat(e.to()).isEqualTo(to);
                    });
        }
    }

    @Test
    @DisplayName("COMPLETED and CANCELLED are final, PLANNED and ACTIVE are not")
    void finals() {
        assertThat(CampaignStatus.COMPLETED.isFinal()).isTrue();
        assertThat(CampaignStatus.CANCELLED.isFinal()).isTrue();
        assertThat(CampaignStatus.PLANNED.isFinal()).isFalse();
        assertThat(CampaignStatus.ACTIVE.isFinal()).isFalse();
    }

    @Test
    @DisplayName("AIDA stages are ordered awareness < interest < desire < action")
    void aidaOrder() {
        assertThat(AidaStage.ACTION.isAfter(AidaStage.DESIRE)).isTrue();
        assertThat(AidaStage.DESIRE.isAtLeast(AidaStage.DESIRE)).isTrue();
        assertThat(AidaStage.INTEREST.isAtLeast(AidaStage.DESIRE)).isFalse();
        assertThat(AidaStage.AWARENESS.isAfter(AidaStage.AWARENESS)).isFalse();
    }
}
