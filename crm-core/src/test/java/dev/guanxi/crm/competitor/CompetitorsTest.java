package dev.guanxi.crm.competitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.event.CompetitorRegistered;
import dev.guanxi.crm.event.CompetitorUpdated;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Competitors")
class CompetitorsTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final List<Boolean> visibleWhenDelivered = new CopyOnWriteArrayList<>();
    private Crm crm;
    private Competitors competitors;

    @BeforeEach
    void setUp() {
        AtomicReference<Crm> self = new AtomicReference<>();
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(events::add)
                .listener(
                        CompetitorRegistered.class,
                        e -> visibleWhenDelivered.add(self.get()
                                .tenant("acme")
                                .competitors()
                                .find(e.competitorId())
                                .isPresent()))
                .build();
        self.set(crm);
        competitors = crm.tenant("acme").competitors();
    }

    static NewCompetitor.Builder rival(String name) {
        return NewCompetitor.builder(name)
                .website("https://www.rival.example.com/about")
                .strengths("Cheap.\nFast delivery.")
                .weaknesses("Poor service")
                .product(new CompetitorProduct(
                        "Rival Pro", "Software", Money.of("99.00", "USD"), "about 10% below ours", "OUR-PRO"))
                .product(CompetitorProduct.named("Rival Lite"))
                .person(new CompetitorContact("王芳", "Regional sales director"))
                .person(new CompetitorContact("John Smith", null));
    }

    private List<Competitor> all() {
        return competitors.list(PageRequest.first(100)).items();
    }

    @Test
    @DisplayName("registering stores the whole profile at version 1 and publishes CompetitorRegistered after commit")
    void register() {
        Competitor c = competitors.register(rival("Rival 对手 Ltd").build());

        assertThat(c.version()).isEqualTo(1);
        assertThat(c.name()).isEqualTo("Rival 对手 Ltd");
        assertThat(c.website()).isEqualTo("https://www.rival.example.com/about");
        assertThat(c.strengths()).isEqualTo("Cheap.\nFast delivery.");
        assertThat(c.weaknesses()).isEqualTo("Poor service");
        assertThat(c.products()).extracting(CompetitorProduct::name).containsExactly("Rival Pro", "Rival Lite");
        assertThat(c.products().get(0).price()).isEqualTo(Money.of("99", "USD"));
        assertThat(c.products().get(0).comparableTo()).isEqualTo("OUR-PRO");
        assertThat(c.people()).extracting(CompetitorContact::name).containsExactly("王芳", "John Smith");
        assertThat(c.createdAt()).isEqualTo(NOW);
        assertThat(competitors.get(c.id())).isEqualTo(c);

        assertThat(events)
                .singleElement()
                .isEqualTo(new CompetitorRegistered(events.get(0).metadata(), c.id(), "Rival 对手 Ltd"));
        assertThat(visibleWhenDelivered).containsExactly(true);
    }

    @Test
    @DisplayName("a competitor with only a name is fine")
    void minimal() {
        Competitor c = competitors.register(NewCompetitor.builder("Solo").build());
        assertThat(c.website()).isNull();
        assertThat(c.products()).isEmpty();
        assertThat(c.people()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "https://www.example.com",
                "http://example.com:8080/a/b?c=d#e",
                "HTTPS://EXAMPLE.COM",
                "example.com",
                "www.example.co.uk/products",
                "例子.中国",
                "https://例子.中国/产品"
            })
    @DisplayName("web sites may be http(s) addresses or bare host names, in any script")
    void websites(String website) {
        Competitor c =
                competitors.register(NewCompetitor.builder("W").website(website).build());
        assertThat(c.website()).isEqualTo(website);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" ACME", "acme", "ACME ", "ＡＣＭＥ", "Acme"})
    @DisplayName("names are unique per tenant ignoring case, compatibility forms and outer white space")
    void duplicateName(String clash) {
        Competitor first = competitors.register(NewCompetitor.builder("ACME").build());
        events.clear();

        assertThatThrownBy(
                        () -> competitors.register(NewCompetitor.builder(clash).build()))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                    assertThat(e.existingId()).contains(first.id());
                });
        assertThat(all()).containsExactly(first);
        assertThat(events).isEmpty();
        assertThat(competitors.findByName(clash)).contains(first);
    }

    @Test
    @DisplayName("find by name ignores case; an unknown name or id is empty")
    void findByName() {
        Competitor c = competitors.register(NewCompetitor.builder("Globex Corp").build());
        assertThat(competitors.findByName("globex corp")).contains(c);
        assertThat(competitors.findByName("Globex")).isEmpty();
        assertThat(competitors.find(CompetitorId.random())).isEmpty();
    }

    @Test
    @DisplayName("lists by name key in code point order, paged")
    void listing() {
        for (String name : List.of("Zeta", "alpha", "Émile", "中文", "😀 Smile", "\uFFFD Mark", "Beta")) {
            competitors.register(NewCompetitor.builder(name).build());
        }
        Page<Competitor> first = competitors.list(PageRequest.first(4));
        assertThat(first.items()).extracting(Competitor::name).containsExactly("alpha", "Beta", "Zeta", "Émile");
        assertThat(first.hasMore()).isTrue();
        Page<Competitor> rest = competitors.list(first.nextRequest().orElseThrow());
        // U+FFFD sorts before U+1F600 by code point (UTF-16 order would put the emoji first)
        assertThat(rest.items()).extracting(Competitor::name).containsExactly("中文", "\uFFFD Mark", "😀 Smile");
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    @DisplayName("update replaces the profile, version +1, publishes CompetitorUpdated")
    void update() {
        Competitor c = competitors.register(rival("Rival").build());
        events.clear();

        Competitor changed = competitors.update(
                c.id(),
                1,
                NewCompetitor.from(c).name("Rival Group").website(null).build());

        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.name()).isEqualTo("Rival Group");
        assertThat(changed.website()).isNull();
        assertThat(changed.products()).isEqualTo(c.products());
        assertThat(changed.people()).isEqualTo(c.people());
        assertThat(changed.createdAt()).isEqualTo(c.createdAt());
        assertThat(competitors.get(c.id())).isEqualTo(changed);
        assertThat(competitors.findByName("Rival")).isEmpty();
        assertThat(events).singleElement().isInstanceOfSatisfying(CompetitorUpdated.class, e -> {
            assertThat(e.competitorId()).isEqualTo(c.id());
            assertThat(e.name()).isEqualTo("Rival Group");
            assertThat(e.version()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("update may change the case of the own name but not take another competitor's")
    void updateName() {
        Competitor a = competitors.register(NewCompetitor.builder("Alpha").build());
        Competitor b = competitors.register(NewCompetitor.builder("Beta").build());
        assertThat(competitors
                        .update(a.id(), 1, NewCompetitor.builder("ALPHA").build())
                        .name())
                .isEqualTo("ALPHA");
        events.clear();

        assertThatThrownBy(() -> competitors.update(
                        b.id(), 1, NewCompetitor.builder("alpha").build()))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(competitors.get(b.id())).isEqualTo(b);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("addProduct appends a product; a name already listed is refused with DUPLICATE")
    void addProduct() {
        Competitor c = competitors.register(rival("Rival").build());
        Competitor more = competitors.addProduct(
                c.id(), 1, new CompetitorProduct("Rival Max", "Hardware", null, "on request", null));
        assertThat(more.version()).isEqualTo(2);
        assertThat(more.products())
                .extracting(CompetitorProduct::name)
                .containsExactly("Rival Pro", "Rival Lite", "Rival Max");
        events.clear();

        assertThatThrownBy(() -> competitors.addProduct(c.id(), 2, CompetitorProduct.named("rival max")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("product.name");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                });
        assertThat(competitors.get(c.id())).isEqualTo(more);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a full product list refuses another product with TOO_LONG")
    void fullProductList() {
        NewCompetitor.Builder b = NewCompetitor.builder("Big");
        IntStream.range(0, Competitor.MAX_PRODUCTS).forEach(i -> b.product(CompetitorProduct.named("P" + i)));
        Competitor c = competitors.register(b.build());
        assertThatThrownBy(() -> competitors.addProduct(c.id(), 1, CompetitorProduct.named("One more")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("products");
                    assertThat(e.rule()).isEqualTo(ValidationRule.TOO_LONG);
                });
        assertThat(competitors.get(c.id()).version()).isEqualTo(1);
    }

    @Test
    @DisplayName("stale versions are refused and change nothing")
    void stale() {
        Competitor c = competitors.register(rival("Rival").build());
        competitors.update(c.id(), 1, NewCompetitor.from(c).strengths("Price").build());
        Competitor current = competitors.get(c.id());
        events.clear();

        assertThatThrownBy(() ->
                        competitors.update(c.id(), 1, NewCompetitor.from(c).build()))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("Competitor");
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });
        assertThatThrownBy(() -> competitors.addProduct(c.id(), 3, CompetitorProduct.named("X")))
                .isInstanceOf(StaleVersionException.class);
        assertThat(competitors.get(c.id())).isEqualTo(current);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("an unknown competitor gives NotFoundException")
    void unknown() {
        CompetitorId id = CompetitorId.random();
        for (Runnable call : List.<Runnable>of(
                () -> competitors.get(id),
                () -> competitors.update(id, 1, NewCompetitor.builder("X").build()),
                () -> competitors.addProduct(id, 1, CompetitorProduct.named("X")),
                () -> competitors.dealingsOf(id, PageRequest.first(10)))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(NotFoundException.class, e -> {
                assertThat(e.entityType()).isEqualTo("Competitor");
                assertThat(e.id()).isEqualTo(id);
            });
        }
        assertThat(events).isEmpty();
    }

    static Stream<Arguments> badProfiles() {
        return Stream.of(
                bad("null name", () -> NewCompetitor.builder(null).build(), "name", ValidationRule.REQUIRED),
                bad("blank name", () -> NewCompetitor.builder("  ").build(), "name", ValidationRule.BLANK),
                bad(
                        "name of 201 characters",
                        () -> NewCompetitor.builder("n".repeat(201)).build(),
                        "name",
                        ValidationRule.TOO_LONG),
                bad(
                        "NUL in the name",
                        () -> NewCompetitor.builder("Acme\u0000").build(),
                        "name",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "tab in the name",
                        () -> NewCompetitor.builder("Ac\tme").build(),
                        "name",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "bidi isolate in the name",
                        () -> NewCompetitor.builder("Acme\u2067").build(),
                        "name",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad("web site without a dot", () -> site("localhost"), "website", ValidationRule.INVALID_FORMAT),
                bad("ftp web site", () -> site("ftp://example.com"), "website", ValidationRule.INVALID_FORMAT),
                bad("script web site", () -> site("javascript:alert(1)"), "website", ValidationRule.INVALID_FORMAT),
                bad("scheme only", () -> site("https://"), "website", ValidationRule.INVALID_FORMAT),
                bad("space in the host", () -> site("http://exa mple.com"), "website", ValidationRule.INVALID_FORMAT),
                bad("space in the path", () -> site("example.com/a b"), "website", ValidationRule.INVALID_FORMAT),
                bad(
                        "NUL in the web site",
                        () -> site("example.com/\u0000"),
                        "website",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "web site over 2,000 characters",
                        () -> site("example.com/" + "p".repeat(2_000)),
                        "website",
                        ValidationRule.TOO_LONG),
                bad(
                        "blank strengths",
                        () -> NewCompetitor.builder("A").strengths(" ").build(),
                        "strengths",
                        ValidationRule.BLANK),
                bad(
                        "NUL in weaknesses",
                        () -> NewCompetitor.builder("A").weaknesses("x\u0000").build(),
                        "weaknesses",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "a product named twice",
                        () -> NewCompetitor.builder("A")
                                .product(CompetitorProduct.named("Pro"))
                                .product(CompetitorProduct.named("PRO"))
                                .build(),
                        "products[1].name",
                        ValidationRule.DUPLICATE),
                bad(
                        "a null product",
                        () -> NewCompetitor.builder("A").product(null).build(),
                        "products[0]",
                        ValidationRule.REQUIRED),
                bad(
                        "501 products",
                        () -> {
                            NewCompetitor.Builder b = NewCompetitor.builder("A");
                            IntStream.range(0, 501).forEach(i -> b.product(CompetitorProduct.named("P" + i)));
                            return b.build();
                        },
                        "products",
                        ValidationRule.TOO_LONG),
                bad(
                        "201 people",
                        () -> {
                            NewCompetitor.Builder b = NewCompetitor.builder("A");
                            IntStream.range(0, 201).forEach(i -> b.person(new CompetitorContact("P" + i, null)));
                            return b.build();
                        },
                        "people",
                        ValidationRule.TOO_LONG),
                bad(
                        "product without a name",
                        () -> NewCompetitor.builder("A")
                                .product(CompetitorProduct.named(null))
                                .build(),
                        "name",
                        ValidationRule.REQUIRED),
                bad(
                        "negative product price",
                        () -> NewCompetitor.builder("A")
                                .product(new CompetitorProduct("P", null, Money.of("-1.00", "EUR"), null, null))
                                .build(),
                        "price",
                        ValidationRule.OUT_OF_RANGE),
                bad(
                        "our product code with a space",
                        () -> NewCompetitor.builder("A")
                                .product(new CompetitorProduct("P", null, null, null, "OUR PRO"))
                                .build(),
                        "comparableTo",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "person with a blank name",
                        () -> NewCompetitor.builder("A")
                                .person(new CompetitorContact(" ", "CEO"))
                                .build(),
                        "name",
                        ValidationRule.BLANK),
                bad(
                        "person role with NUL",
                        () -> NewCompetitor.builder("A")
                                .person(new CompetitorContact("Li", "C\u0000EO"))
                                .build(),
                        "role",
                        ValidationRule.ILLEGAL_CHARACTER));
    }

    private static NewCompetitor site(String website) {
        return NewCompetitor.builder("A").website(website).build();
    }

    private static Arguments bad(String what, Supplier<NewCompetitor> input, String field, ValidationRule rule) {
        return Arguments.of(what, input, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProfiles")
    @DisplayName("bad input is refused with ValidationException naming field and rule; nothing is stored")
    void badInput(String what, Supplier<NewCompetitor> input, String field, ValidationRule rule) {
        assertThatThrownBy(() -> competitors.register(input.get()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(all()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("tenants never see each other's competitors; the same name is free in another tenant")
    void tenantIsolation() {
        Competitor a = competitors.register(rival("Rival").build());
        TenantCrm globex = crm.tenant("globex");
        Competitors b = globex.competitors();

        assertThat(b.list(PageRequest.first(10)).items()).isEmpty();
        assertThat(b.find(a.id())).isEmpty();
        assertThat(b.findByName("Rival")).isEmpty();
        assertThatThrownBy(
                        () -> b.update(a.id(), 1, NewCompetitor.builder("Mine").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.addProduct(a.id(), 1, CompetitorProduct.named("Mine")))
                .isInstanceOf(NotFoundException.class);
        Competitor theirs = b.register(rival("Rival").build());
        assertThat(theirs.id()).isNotEqualTo(a.id());
        assertThat(competitors.get(a.id())).isEqualTo(a);
        assertThat(all()).containsExactly(a);
    }
}
