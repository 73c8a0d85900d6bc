package dev.guanxi.crm.stewardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.ContactType;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StewardshipTest {
    private static final double EPS = 1e-12;
    private TenantCrm acme;
    private Stewardship stewardship;

    @BeforeEach
    void setUp() {
        acme = Crm.builder().build().tenant("acme");
        stewardship = acme.stewardship(DuplicateDetector.defaults("CN"));
    }

    private Customer register(String name, String email, String phone) {
        CustomerDraft.Builder b = CustomerDraft.person(name);
        if (email != null) {
            b.email(email, ContactPurpose.HOME);
        }
        if (phone != null) {
            b.phone(phone, ContactPurpose.HOME);
        }
        return acme.customers().register(b.build());
    }

    private static Set<CustomerId> pair(DuplicateCandidate c) {
        return Set.of(c.customerA(), c.customerB());
    }

    @Test
    @DisplayName("duplicatesOf returns the stored customers a draft resembles, best first, with their evidence")
    void checkBeforeCreate() {
        Customer wang = register("Wang Fang", "wang.fang@example.com", null);
        Customer li = register("Li Lei", null, "+86 139 0000 1111");
        register("Zhang Wei", "zw@example.com", "+86 137 0000 2222");
        CustomerDraft draft = CustomerDraft.person("FANG WANG")
                .email("WANG.FANG@example.com", ContactPurpose.WORK)
                .phone("139-0000-1111", ContactPurpose.WORK)
                .build();
        List<DuplicateMatch> matches = stewardship.duplicatesOf(draft);
        assertThat(matches).extracting(DuplicateMatch::customer).containsExactly(wang.id(), li.id());
        // wang: email 0.95 and name 0.7 -> 1 − 0.05 · 0.3 = 0.985; li: phone 0.9
        assertThat(matches.get(0).score()).isCloseTo(0.985, within(EPS));
        assertThat(matches.get(1).score()).isCloseTo(0.9, within(EPS));
        assertThat(matches.get(1).reason()).isEqualTo("0.90: same phone +8613900001111");
    }

    @Test
    @DisplayName(
            "duplicatesOf finds nothing for a new party, in an empty tenant, or for a draft with nothing to compare")
    void nothingFound() {
        List<DuplicateMatch> empty = stewardship.duplicatesOf(CustomerDraft.person("Wang Fang")
                .email("a@b.cn", ContactPurpose.HOME)
                .build());
        assertThat(empty).isEmpty();
        register("Wang Fang", "wang.fang@example.com", "+86 138 1234 5678");
        List<DuplicateMatch> other = stewardship.duplicatesOf(CustomerDraft.person("Li Lei")
                .email("li.lei@example.com", ContactPurpose.HOME)
                .build());
        List<DuplicateMatch> emojiOnly =
                stewardship.duplicatesOf(CustomerDraft.person("😀").build());
        assertThat(other).isEmpty();
        assertThat(emojiOnly).isEmpty();
    }

    @Test
    @DisplayName("a draft with the external id of a stored customer matches it with score 1")
    void externalId() {
        Customer stored = acme.customers()
                .register(CustomerDraft.organisation("Huaxin Co., Ltd.")
                        .externalId("ERP-7")
                        .build());
        List<DuplicateMatch> matches = stewardship.duplicatesOf(
                CustomerDraft.organisation("Something Else").externalId("ERP-7").build());
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.customer()).isEqualTo(stored.id());
            assertThat(m.score()).isEqualTo(1.0);
        });
    }

    @Test
    @DisplayName(
            "scanDuplicates finds the planted pairs, scores each pair once, and skips and reports oversized blocks")
    void scan() {
        Customer a1 = register("Wang Fang", "wang.fang@example.com", null);
        Customer a2 = register("Wang Fang", "Wang.Fang@EXAMPLE.com", null);
        Customer b1 = register("Li Lei", null, "+86 139 0000 1111");
        Customer b2 = register("Lei Li", null, "139 0000 1111");
        register("Zhang Wei", "zw@example.com", "+86 137 0000 2222");
        // four walk-in customers with the placeholder address the shop types for everyone
        register("Anna Schmidt", "noemail@example.com", null);
        register("Boris Petrov", "noemail@example.com", null);
        register("Chen Jie", "noemail@example.com", null);
        register("Dilnoza Karimova", "noemail@example.com", null);
        List<DuplicateScanListener.Progress> progress = new ArrayList<>();
        DuplicateScanReport report = stewardship.scanDuplicates(
                DuplicateScanOptions.defaults().withMaxBlockSize(3).withListener(progress::add));

        assertThat(report.candidates())
                .extracting(StewardshipTest::pair)
                .containsExactlyInAnyOrder(Set.of(a1.id(), a2.id()), Set.of(b1.id(), b2.id()));
        assertThat(report.customers()).isEqualTo(9);
        // each planted pair shares three blocks (e-mail or phone, the name prefix key, the name suffix key),
        // nobody else shares one; each pair is compared once
        assertThat(report.blocks()).isEqualTo(6);
        assertThat(report.pairsScored()).isEqualTo(2);
        assertThat(report.oversizedBlocks()).isEqualTo(Map.of("email", 1L));
        assertThat(report.oversizedMembers()).isEqualTo(4);
        assertThat(report.reason()).contains("9 customers", "2 candidate pairs", "email=1");
        assertThat(progress.get(0).phase()).isEqualTo(DuplicateScanListener.Phase.READ);
        assertThat(progress.get(0).total()).isEqualTo(9);
        assertThat(progress.get(progress.size() - 1))
                .isEqualTo(new DuplicateScanListener.Progress(DuplicateScanListener.Phase.COMPLETED, 2, 2));
        // best first: Wang Fang (e-mail 0.95, name 0.7 -> 0.985) before Li Lei (phone 0.9, name 0.7 -> 0.97)
        assertThat(report.candidates().get(0).score()).isCloseTo(0.985, within(EPS));
        assertThat(report.candidates().get(1).score()).isCloseTo(0.97, within(EPS));
    }

    @Test
    @DisplayName(
            "with a larger block cap the placeholder block is scored, and its members are not duplicates by it alone... but e-mail is enough")
    void placeholderScoredWhenAllowed() {
        register("Anna Schmidt", "noemail@example.com", null);
        register("Boris Petrov", "noemail@example.com", null);
        register("Chen Jie", "noemail@example.com", null);
        DuplicateScanReport report = stewardship.scanDuplicates(DuplicateScanOptions.defaults());
        // a shared e-mail is strong evidence (0.95): the scan reports all 3 pairs, which is why such
        // placeholder blocks should be capped
        assertThat(report.candidates()).hasSize(3);
        assertThat(report.oversizedBlocks()).isEmpty();
    }

    @Test
    @DisplayName("an empty tenant and a single customer give empty reports")
    void edges() {
        DuplicateScanReport empty = stewardship.scanDuplicates(DuplicateScanOptions.defaults());
        assertThat(empty.customers()).isZero();
        assertThat(empty.candidates()).isEmpty();
        register("Wang Fang", "wang.fang@example.com", "+86 138 1234 5678");
        DuplicateScanReport one = stewardship.scanDuplicates(DuplicateScanOptions.defaults());
        assertThat(one.customers()).isEqualTo(1);
        assertThat(one.blocks()).isZero();
        assertThat(one.pairsScored()).isZero();
    }

    @Test
    @DisplayName("two scans of the same tenant give the same report")
    void deterministic() {
        for (int i = 0; i < 30; i++) {
            register("Wang Fang " + (i % 7), "w" + (i % 5) + "@example.com", "+86 139 0000 " + (1000 + i % 3));
        }
        DuplicateScanReport first = stewardship.scanDuplicates(DuplicateScanOptions.defaults());
        DuplicateScanReport second = stewardship.scanDuplicates(DuplicateScanOptions.defaults());
        assertThat(second).isEqualTo(first);
        assertThat(first.candidates()).isNotEmpty();
        for (int i = 1; i < first.candidates().size(); i++) {
            assertThat(first.candidates().get(i).score())
                    .isLessThanOrEqualTo(first.candidates().get(i - 1).score());
        }
    }

    /** A host's matcher: the same WeChat handle. */
    private static final class WeChatMatcher implements DuplicateMatcher<Set<String>> {
        @Override
        public String name() {
            return "wechat";
        }

        @Override
        public Optional<Set<String>> prepare(MatchSubject subject) {
            Set<String> handles = subject.contactPoints().stream()
                    .filter(p ->
                            p.type() == ContactType.MESSAGING && p.network().equalsIgnoreCase("WeChat"))
                    .map(p -> p.value().strip())
                    .collect(Collectors.toSet());
            return handles.isEmpty() ? Optional.empty() : Optional.of(handles);
        }

        @Override
        public List<String> blockingKeys(Set<String> prepared) {
            return List.copyOf(prepared);
        }

        @Override
        public Optional<MatchEvidence> score(Set<String> a, Set<String> b) {
            return a.stream()
                    .filter(b::contains)
                    .findFirst()
                    .map(h -> new MatchEvidence("wechat", 1, "same WeChat " + h));
        }
    }

    @Test
    @DisplayName("a host's own matcher plugs in through the SPI and proposes and scores its pairs")
    void customMatcher() {
        DuplicateDetector withWeChat = DuplicateDetector.builder()
                .matcher(new WeChatMatcher(), 0.9)
                .matcher(DuplicateMatchers.name(NameNormalizer.defaults(), 0.9), 0.7)
                .build();
        Customer a = acme.customers()
                .register(CustomerDraft.person("Wang Fang")
                        .messaging("WeChat", "wf_1990", ContactPurpose.HOME)
                        .build());
        Customer b = acme.customers()
                .register(CustomerDraft.person("Fang")
                        .messaging("wechat", "wf_1990", ContactPurpose.HOME)
                        .build());
        DuplicateScanReport report = acme.stewardship(withWeChat).scanDuplicates(DuplicateScanOptions.defaults());
        assertThat(report.candidates()).singleElement().satisfies(c -> {
            assertThat(pair(c)).isEqualTo(Set.of(a.id(), b.id()));
            assertThat(c.reason()).isEqualTo("0.90: same WeChat wf_1990");
        });
    }
}
