package dev.guanxi.crm.stewardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.PostalAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {
    private static final double EPS = 1e-12;
    private final DuplicateDetector detector = DuplicateDetector.defaults("CN");

    private static MatchSubject person(String name, String email, String phone, PostalAddress address) {
        CustomerDraft.Builder b = CustomerDraft.person(name);
        if (email != null) {
            b.email(email, ContactPurpose.HOME);
        }
        if (phone != null) {
            b.phone(phone, ContactPurpose.HOME);
        }
        if (address != null) {
            b.postalAddress(address, ContactPurpose.HOME);
        }
        return MatchSubject.of(b.build());
    }

    private static List<String> names(DuplicateScore score) {
        return score.fired().stream().map(MatchEvidence::matcher).toList();
    }

    @Test
    @DisplayName("swapped name, e-mail in other case and a reformatted phone: all three fire, 1 − 0.05·0.1·0.3")
    void everythingFires() {
        MatchSubject a = person("Wang Fang", "Wang.Fang@Example.com", "+86 138 1234 5678", null);
        MatchSubject b = person("FANG Wang", "wang.fang@example.com", "138-1234-5678", null);
        DuplicateScore score = detector.compare(a, b);
        // email 0.95·1, phone 0.9·1, name 0.7·1 -> 1 − (0.05 · 0.1 · 0.3) = 0.9985
        assertThat(score.score()).isCloseTo(0.9985, within(EPS));
        assertThat(score.isDuplicate()).isTrue();
        assertThat(names(score)).containsExactly("email", "phone", "name");
        assertThat(score.reason())
                .isEqualTo("1.00: same e-mail wang.fang@example.com; same phone +8613812345678; same name 'fang wang'");
    }

    @Test
    @DisplayName("contributions add up to the score: 0.95, then 0.05·0.9, then 0.005·0.7")
    void contributions() {
        MatchSubject a = person("Wang Fang", "Wang.Fang@Example.com", "+86 138 1234 5678", null);
        MatchSubject b = person("FANG Wang", "wang.fang@example.com", "138-1234-5678", null);
        DuplicateScore score = detector.compare(a, b);
        List<Contribution> parts = detector.contributions(score.fired());
        assertThat(parts).extracting(Contribution::factor).containsExactly("email", "phone", "name");
        assertThat(parts.get(0).points()).isCloseTo(0.95, within(EPS));
        assertThat(parts.get(1).points()).isCloseTo(0.045, within(EPS));
        assertThat(parts.get(2).points()).isCloseTo(0.0035, within(EPS));
        double sum = parts.stream().mapToDouble(Contribution::points).sum();
        assertThat(sum).isCloseTo(score.score(), within(EPS));
    }

    @Test
    @DisplayName("a name alone scores 0.7, below the threshold: two people may share a name")
    void nameAlone() {
        DuplicateScore score =
                detector.compare(person("Wang Fang", null, null, null), person("Fang Wang", null, null, null));
        assertThat(score.score()).isCloseTo(0.7, within(EPS));
        assertThat(score.isDuplicate()).isFalse();
        assertThat(names(score)).containsExactly("name");
    }

    @Test
    @DisplayName("a name and the same address (postal code with a space, street in capitals): 1 − 0.3·0.4 = 0.88")
    void nameAndAddress() {
        MatchSubject a =
                person("Wang Fang", null, null, PostalAddress.of("CN", "200001", "Shanghai", "100 Nanjing Road"));
        MatchSubject b = person("Wang Fang", null, null, PostalAddress.of("CN", "200 001", "上海", "100 NANJING ROAD"));
        DuplicateScore score = detector.compare(a, b);
        assertThat(score.score()).isCloseTo(0.88, within(EPS));
        assertThat(names(score)).containsExactly("name", "address");
    }

    @Test
    @DisplayName("the same street in another postal code is no evidence")
    void otherPostalCode() {
        MatchSubject a =
                person("Wang Fang", null, null, PostalAddress.of("CN", "200001", "Shanghai", "100 Nanjing Road"));
        MatchSubject b =
                person("Wang Fang", null, null, PostalAddress.of("CN", "210000", "Nanjing", "100 Nanjing Road"));
        DuplicateScore score = detector.compare(a, b);
        assertThat(names(score)).containsExactly("name");
    }

    @Test
    @DisplayName("a typo and the same phone: name 26.4/27 (Jaro 26/27, prefix 4), 1 − 0.1·(1 − 0.7·26.4/27)")
    void typo() {
        // "zhang wei" / "zhang wie" as written: 9 matches, one transposition -> jaro = (1 + 1 + 8/9) / 3 = 26/27,
        // common prefix "zhan" (4) -> 26/27 + 0.4 · 1/27 = 26.4/27; the sorted keys ("wei zhang") give less
        MatchSubject a = person("Zhang Wei", null, "+86 139 0000 1111", null);
        MatchSubject b = person("Zhang Wie", null, "13900001111", null);
        DuplicateScore score = detector.compare(a, b);
        assertThat(score.fired().get(1).score()).isCloseTo(26.4 / 27, within(EPS));
        assertThat(score.score()).isCloseTo(1 - 0.1 * (1 - 0.7 * 26.4 / 27), within(EPS));
    }

    @Test
    @DisplayName("a person and an organisation of the same name do not match by name")
    void kindsDiffer() {
        MatchSubject a = MatchSubject.of(CustomerDraft.person("Huaxin").build());
        MatchSubject b =
                MatchSubject.of(CustomerDraft.organisation("Huaxin Co., Ltd.").build());
        DuplicateScore score = detector.compare(a, b);
        assertThat(score.score()).isEqualTo(0.0);
        assertThat(score.fired()).isEmpty();
        assertThat(score.reason()).isEqualTo("0.00: no matcher fired");
    }

    @Test
    @DisplayName("company suffix variants and a re-typed external id: name 1 and external id 0.9 -> 1 − 0.03")
    void organisations() {
        MatchSubject a = MatchSubject.of(
                CustomerDraft.organisation("上海华信贸易有限公司").externalId("ERP-00042").build());
        MatchSubject b = MatchSubject.of(
                CustomerDraft.organisation("上海华信贸易集团").externalId("erp 00042").build());
        DuplicateScore score = detector.compare(a, b);
        // external id 1.0 · 0.9, name 0.7 · 1 -> 1 − 0.1 · 0.3
        assertThat(score.score()).isCloseTo(0.97, within(EPS));
        assertThat(names(score)).containsExactly("externalId", "name");
    }

    @Test
    @DisplayName("a number without country code matches its E.164 form only by its national part without a region")
    void phoneWithoutRegion() {
        DuplicateDetector international = DuplicateDetector.defaults();
        MatchSubject a = person("Li Lei", null, "+86 139 0000 1111", null);
        MatchSubject b = person("Han Meimei", null, "139 0000 1111", null);
        DuplicateScore score = international.compare(a, b);
        assertThat(score.fired()).singleElement().satisfies(e -> {
            assertThat(e.matcher()).isEqualTo("phone");
            assertThat(e.score()).isEqualTo(0.9);
        });
        // 0.9 (weight) · 0.9 (national only) = 0.81
        assertThat(score.score()).isCloseTo(0.81, within(EPS));
    }

    @Test
    @DisplayName("Gmail rules, when configured, make dotted and tagged Gmail addresses one")
    void gmailRules() {
        DuplicateDetector gmail = DuplicateDetector.builder()
                .matcher(DuplicateMatchers.email(EmailNormalizer.withGmailRules()), 0.95)
                .build();
        MatchSubject a = person("A", "wang.fang+shop@gmail.com", null, null);
        MatchSubject b = person("B", "WangFang@googlemail.com", null, null);
        double with = gmail.compare(a, b).score();
        double without = detector.compare(a, b).score();
        assertThat(with).isCloseTo(0.95, within(EPS));
        assertThat(without).isEqualTo(0.0);
    }

    @Test
    @DisplayName("with a romanizer, 王芳 matches Wang Fang and the homophone 汪方 at 0.9 of the similarity")
    void romanized() {
        NameNormalizer pinyin = NameNormalizer.defaults().withRomanizer(NormalizersTest.FakePinyin.INSTANCE);
        DuplicateDetector byPinyin = DuplicateDetector.builder()
                .matcher(DuplicateMatchers.name(pinyin, 0.85), 0.7)
                .threshold(0.6)
                .build();
        MatchSubject han = person("王芳", null, null, null);
        DuplicateScore latin = byPinyin.compare(han, person("Fang Wang", null, null, null));
        DuplicateScore homophone = byPinyin.compare(han, person("汪方", null, null, null));
        // romanised keys equal -> similarity 1 · 0.9; score 0.7 · 0.9 = 0.63
        assertThat(latin.score()).isCloseTo(0.63, within(EPS));
        assertThat(homophone.score()).isCloseTo(0.63, within(EPS));
        assertThat(latin.reason()).contains("by romanised form");
        DuplicateScore written = detector.compare(han, person("Fang Wang", null, null, null));
        assertThat(written.fired()).isEmpty();
    }

    @Test
    @DisplayName("bad configuration is a typed error: weight, threshold, similarity, block size, evidence score")
    void badInput() {
        assertThatThrownBy(() -> DuplicateDetector.builder().matcher(DuplicateMatchers.externalId(), 0.0))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("weight");
                    assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
                });
        assertThatThrownBy(() -> DuplicateDetector.builder().matcher(DuplicateMatchers.externalId(), 1.5))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE));
        assertThatThrownBy(() -> DuplicateDetector.builder().threshold(Double.NaN))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("threshold"));
        assertThatThrownBy(() -> DuplicateMatchers.name(NameNormalizer.defaults(), 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("minSimilarity"));
        assertThatThrownBy(() -> DuplicateScanOptions.defaults().withMaxBlockSize(1))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("maxBlockSize");
                    assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
                });
        assertThatThrownBy(() -> new MatchEvidence("email", 1.2, "too sure"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("score"));
        assertThatThrownBy(() -> DuplicateDetector.builder().build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("matchers");
                    assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
                });
        assertThatThrownBy(() -> DuplicateDetector.defaults("XX"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("defaultRegion"));
    }

    @Test
    @DisplayName("the builder fails fast on a repeated matcher name or threshold")
    void failFast() {
        DuplicateDetector.Builder b = DuplicateDetector.builder().matcher(DuplicateMatchers.externalId(), 1.0);
        assertThatThrownBy(() -> b.matcher(DuplicateMatchers.externalId(), 0.5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("externalId");
        b.threshold(0.9);
        assertThatThrownBy(() -> b.threshold(0.8)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("contributions reject evidence of a matcher the detector does not have")
    void foreignEvidence() {
        assertThatThrownBy(() -> detector.contributions(List.of(new MatchEvidence("wechat", 1, "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
