package dev.guanxi.crm.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.CustomerErased;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import dev.guanxi.crm.test.MutableClock;
import dev.guanxi.crm.test.tck.PersonalDataFixture;
import dev.guanxi.crm.test.tck.PersonalDataFixture.Marker;
import dev.guanxi.crm.test.tck.PersonalDataFixture.Planted;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Export and erasure of personal data on the in-memory store (RELIABILITY.md P1–P3), with markers planted by
 * {@link PersonalDataFixture} in every personal and free-text field. Besides the export and the read APIs, the
 * whole store is searched: its tables are read by reflection (the in-memory counterpart of scanning every text
 * column of every table; see {@link #storeRows()}).
 *
 * <p>Lives in crm-test rather than crm-core because it uses the fixture, which crm-core's tests cannot reach.
 */
@DisplayName("Personal data: export, erasure and the suppression list on the in-memory store")
class PersonalDataTest {
    static final long SEED = 20260302L;

    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    MutableClock clock;
    Crm crm;
    TenantCrm acme;
    Planted planted;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        crm = PersonalDataFixture.configure(Crm.builder())
                .clock(clock)
                .listener(events::add)
                .build();
        acme = crm.tenant("acme");
        planted = PersonalDataFixture.plant(acme, clock, SEED);
        clock.advance(java.time.Duration.ofHours(1));
    }

    PersonalData personalData() {
        return acme.personalData();
    }

    static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> p = list.apply(page);
            out.addAll(p.items());
            if (!p.hasMore()) {
                return out;
            }
            page = p.request().next();
        }
    }

    /** Everything the read APIs return about a customer, as text. */
    String readAll(CustomerId id) {
        StringBuilder s = new StringBuilder();
        s.append(acme.customers().find(id)).append('\n');
        s.append(acme.customers().findByExternalId(planted.externalId())).append('\n');
        all(p -> acme.interactions().listByCustomer(id, p))
                .forEach(i -> s.append(acme.interactions().find(i.id())).append('\n'));
        s.append(all(p -> acme.interactions().tasksOfCustomer(id, p))).append('\n');
        s.append(all(p -> acme.sales().listOrders(id, p))).append('\n');
        s.append(all(p -> acme.sales().listInvoices(id, p))).append('\n');
        s.append(all(p -> acme.sales().listPayments(id, p))).append('\n');
        s.append(all(p -> acme.sales().listOpportunities(id, p))).append('\n');
        s.append(all(p -> acme.sales().listContracts(id, p))).append('\n');
        s.append(all(p -> acme.service().listByCustomer(id, p))).append('\n');
        s.append(acme.service().surveysOf(id)).append('\n');
        s.append(acme.service().satisfaction(id)).append('\n');
        s.append(all(p -> acme.marketing().customerResponses(id, p))).append('\n');
        s.append(acme.marketing().findResponse(planted.campaign(), id)).append('\n');
        all(p -> acme.marketing().targets(planted.campaign(), p)).stream()
                .filter(t -> t.customerId().equals(id))
                .forEach(t -> s.append(t).append('\n'));
        s.append(all(p -> acme.competitors().dealingsOf(id, p))).append('\n');
        s.append(all(p -> acme.membership().ledger(id, p))).append('\n');
        s.append(acme.membership().account(id)).append('\n');
        s.append(acme.customers().ownershipHistory(id)).append('\n');
        s.append(acme.customers().shares(id)).append('\n');
        s.append(acme.lifecycle().history(id).transitions()).append('\n'); // StageHistory's toString omits reasons
        s.append(acme.lifecycle().current(id)).append('\n');
        s.append(acme.lifecycle().churnReasons(id)).append('\n');
        s.append(acme.scoring().snapshot(id)).append('\n');
        s.append(acme.personalData().erasure(id)).append('\n');
        return s.toString();
    }

    /**
     * Every row of every table of the in-memory store (keys and values, indexes included), one line each, as
     * {@code tenant | table | key | row}. Read by reflection: the store has no API that lists everything, and
     * a search that misses a table would let a marker hide there.
     */
    List<String> storeRows() {
        try {
            Field f = InMemoryStorage.class.getDeclaredField("tenants");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Object, Map<String, Map<Object, Object>>> tenants =
                    (Map<Object, Map<String, Map<Object, Object>>>) f.get(crm.storage());
            List<String> rows = new ArrayList<>();
            tenants.forEach((tenant, tables) -> tables.forEach((table, content) ->
                    content.forEach((key, row) -> rows.add(tenant + " | " + table + " | " + key + " | " + text(row)))));
            rows.sort(null);
            return rows;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the in-memory store's tables", e);
        }
    }

    private static String text(Object row) {
        return row instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(row);
    }

    /** The rows of the store that hold one of the markers, each with the markers it holds. */
    static List<String> hits(List<String> rows, List<Marker> markers) {
        List<String> out = new ArrayList<>();
        for (String row : rows) {
            for (Marker m : markers) {
                if (m.foundIn(row)) {
                    out.add(m.source() + "." + m.field() + " '" + m.text() + "' in " + row);
                }
            }
        }
        return out;
    }

    static List<String> texts(List<Marker> markers) {
        return markers.stream().map(Marker::text).toList();
    }

    @Nested
    @DisplayName("the export (right of access)")
    class Export {
        @Test
        @DisplayName("holds every planted marker in its JSON, each in the entries of the source that holds it")
        void holdsEveryMarker() {
            PersonalDataExport export = personalData().export(planted.subject());
            String json = export.toJson();

            List<Marker> missingFromJson = planted.markers().stream()
                    .filter(m -> !json.contains(m.text()))
                    .toList();
            assertThat(missingFromJson).isEmpty();
            for (Marker m : planted.markers()) {
                List<PersonalDataExport.Entry> entries = export.entries(m.source());
                boolean inSource = entries.stream()
                        .anyMatch(e -> e.fields().values().stream().anyMatch(v -> v.contains(m.text())));
                assertThat(inSource)
                        .as("%s.%s '%s' in the export's %s entries", m.source(), m.field(), m.text(), m.source())
                        .isTrue();
            }
        }

        @Test
        @DisplayName("names the source and the instant set of each record, and holds nothing of the bystander")
        void sourcesDatesAndNoBystander() {
            PersonalDataExport export = personalData().export(planted.subject());

            assertThat(export.tenant()).isEqualTo(acme.tenant());
            assertThat(export.customerId()).isEqualTo(planted.subject());
            assertThat(export.exportedAt()).isEqualTo(clock.instant());
            Set<String> sources = new TreeSet<>();
            export.entries().forEach(e -> sources.add(e.source()));
            Set<String> planted = new TreeSet<>();
            PersonalDataTest.this.planted.markers().forEach(m -> planted.add(m.source()));
            assertThat(sources).containsAll(planted);
            // only the score snapshot may not know when its values were set (the store keeps no instant)
            List<String> undated = export.entries().stream()
                    .filter(e -> e.setAt() == null)
                    .map(PersonalDataExport.Entry::source)
                    .distinct()
                    .toList();
            assertThat(undated).isSubsetOf(List.of("scoreSnapshot"));
            String json = export.toJson();
            List<Marker> bystander = PersonalDataTest.this.planted.bystanderMarkersIn(json);
            assertThat(bystander).isEmpty();
            assertThat(json)
                    .doesNotContain(PersonalDataTest.this.planted.bystander().toString());
        }

        @Test
        @DisplayName("covers every place of the store that holds one of the subject's markers")
        void coversTheStore() {
            // P3: whatever the store holds about the subject, the export shows: each marker the store scan finds
            // is in the export (the fixture plants every marker somewhere the store keeps)
            List<String> rows = storeRows();
            String json = personalData().export(planted.subject()).toJson();
            List<Marker> inStore = planted.markers().stream()
                    .filter(m -> rows.stream().anyMatch(m::foundIn))
                    .toList();
            assertThat(inStore).hasSameSizeAs(planted.markers());
            List<Marker> notExported =
                    inStore.stream().filter(m -> !m.foundIn(json)).toList();
            assertThat(notExported).isEmpty();
        }

        @Test
        @DisplayName("of an unknown customer is a typed error")
        void unknownCustomer() {
            CustomerId stranger = CustomerId.random();
            assertThatThrownBy(() -> personalData().export(stranger)).isInstanceOf(NoSuchCustomerException.class);
            CustomerId otherTenants = crm.tenant("other")
                    .customers()
                    .register(CustomerDraft.person("Other").build())
                    .id();
            assertThatThrownBy(() -> personalData().export(otherTenants)).isInstanceOf(NoSuchCustomerException.class);
        }
    }

    @Nested
    @DisplayName("the erasure (right to be forgotten)")
    class Erase {
        @Test
        @DisplayName("before it, the read APIs and the store show every marker (the searches can find them)")
        void markersFoundBefore() {
            String reads = readAll(planted.subject());
            List<Marker> unread =
                    planted.markers().stream().filter(m -> !m.foundIn(reads)).toList();
            assertThat(unread).isEmpty();
            List<String> rows = storeRows();
            List<Marker> unstored = planted.markers().stream()
                    .filter(m -> rows.stream().noneMatch(m::foundIn))
                    .toList();
            assertThat(unstored).isEmpty();
        }

        @Test
        @DisplayName("leaves no marker in the export, the read APIs or any table of the store")
        void noMarkerLeft() {
            ErasureReport report = personalData().erase(planted.subject(), "GDPR request 2026-017");

            assertThat(report.alreadyErased()).isFalse();
            assertThat(report.erasure().customerId()).isEqualTo(planted.subject());
            assertThat(report.erasure().reason()).isEqualTo("GDPR request 2026-017");
            // records with text, by source: 2 orders, 2 opportunities, 2 cases, 2 points entries (earn, redeem);
            // 1 invoice (only the written-off one has a text); lifecycle: 3 transitions (placement, 2 moves) + 1
            // churn note; ownership: the handover line and the share at least (the store may count more lines)
            SortedMap<String, Integer> records = new java.util.TreeMap<>(report.records());
            Integer ownership = records.remove("ownership");
            assertThat(ownership).isNotNull().isGreaterThanOrEqualTo(2);
            // the audit trail holds a record per change of every planted entity and of the erasure itself
            Integer audit = records.remove("audit");
            assertThat(audit).isNotNull().isGreaterThan(ownership);
            assertThat(records)
                    .isEqualTo(new java.util.TreeMap<>(Map.ofEntries(
                            Map.entry("customer", 1),
                            Map.entry("interaction", 1),
                            Map.entry("task", 1),
                            Map.entry("order", 2),
                            Map.entry("invoice", 1),
                            Map.entry("payment", 1),
                            Map.entry("opportunity", 2),
                            Map.entry("contract", 1),
                            Map.entry("serviceCase", 2),
                            Map.entry("surveyResponse", 1),
                            Map.entry("campaignResponse", 1),
                            Map.entry("campaignTarget", 1),
                            Map.entry("competitorDealing", 1),
                            Map.entry("points", 2),
                            Map.entry("lifecycle", 4),
                            Map.entry("scoreSnapshot", 1))));
            // e-mail, phone, the contact person's e-mail and phone, the external id
            assertThat(report.suppressed()).isEqualTo(5);
            Map<String, List<String>> left = new java.util.LinkedHashMap<>();
            left.put(
                    "export",
                    texts(planted.subjectMarkersIn(
                            personalData().export(planted.subject()).toJson())));
            left.put("read APIs", texts(planted.subjectMarkersIn(readAll(planted.subject()))));
            left.put("store", hits(storeRows(), planted.markers()));
            left.values().removeIf(List::isEmpty);
            assertThat(left).isEmpty();
        }

        @Test
        @DisplayName("replaces names and texts, empties contact data and keeps only non-personal custom fields")
        void customerRecord() {
            personalData().erase(planted.subject(), "request 17");

            Customer erased = acme.customers().get(planted.subject());
            assertThat(erased.displayName()).isEqualTo(PersonalData.ERASED);
            assertThat(erased.legalName()).isEqualTo(PersonalData.ERASED);
            assertThat(erased.contactPoints()).isEmpty();
            assertThat(erased.contactPersons()).isEmpty();
            assertThat(erased.importantDates()).isEmpty();
            assertThat(erased.externalId()).isNull();
            Optional<String> personal = erased.customField(PersonalDataFixture.PERSONAL_FIELD.key());
            assertThat(personal).isEmpty();
            Optional<String> kept = erased.customField(PersonalDataFixture.KEPT_FIELD.key());
            assertThat(kept).contains(PersonalDataFixture.KEPT_VALUE);
            assertThat(erased.preferences().consents())
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.source()).isEqualTo(PersonalData.ERASED));
            Optional<Customer> byExternalId = acme.customers().findByExternalId(planted.externalId());
            assertThat(byExternalId).isEmpty();
        }

        @Test
        @DisplayName("keeps counts, sums to the minor unit, stages, balances and statuses of subject and tenant")
        void keepsAggregates() {
            SortedMap<String, String> before = PersonalDataFixture.facts(acme, planted.subject());
            long customers = acme.customers().count(dev.guanxi.crm.customer.CustomerQuery.all());
            Map<dev.guanxi.crm.marketing.AidaStage, Long> funnelBefore =
                    Map.copyOf(acme.marketing().funnel(planted.campaign()).reached());
            assertThat(funnelBefore.get(dev.guanxi.crm.marketing.AidaStage.INTEREST))
                    .isEqualTo(2L);
            // the fixture's orders: 2 x 120.50 + 99.99 - 10.00 = 330.99 and 3 x 33.33 = 99.99; total 430.98
            assertThat(before).containsEntry("orders.total", "{CNY=430.98}");
            assertThat(before).containsEntry("invoices.amount", "{CNY=350.00}"); // 100.00 + 250.00
            assertThat(before).containsEntry("payments.amount", "{CNY=80.55}");
            assertThat(before).containsEntry("points.balance", "70"); // 100 earned - 30 redeemed
            assertThat(before).containsEntry("lifecycle.current", "LOST");
            assertThat(before).containsEntry("cases.count", "2");
            assertThat(before).containsEntry("campaignResponses.count", "1");

            personalData().erase(planted.subject(), "request 17");

            SortedMap<String, String> after = PersonalDataFixture.facts(acme, planted.subject());
            assertThat(after).isEqualTo(before);
            long customersAfter = acme.customers().count(dev.guanxi.crm.customer.CustomerQuery.all());
            assertThat(customersAfter).isEqualTo(customers);
            // both customers responded at INTEREST (so both reached AWARENESS too, if the funnel counts cumulatively)
            Map<dev.guanxi.crm.marketing.AidaStage, Long> reached =
                    acme.marketing().funnel(planted.campaign()).reached();
            assertThat(reached).isEqualTo(funnelBefore);
        }

        @Test
        @DisplayName("leaves the bystander exactly as it was: its export, its facts and every marker in the store")
        void bystanderUnchanged() {
            PersonalDataExport before = personalData().export(planted.bystander());
            SortedMap<String, String> factsBefore = PersonalDataFixture.facts(acme, planted.bystander());

            personalData().erase(planted.subject(), "request 17");

            PersonalDataExport after = personalData().export(planted.bystander());
            assertThat(after.entries()).isEqualTo(before.entries());
            assertThat(PersonalDataFixture.facts(acme, planted.bystander())).isEqualTo(factsBefore);
            List<String> rows = storeRows();
            List<Marker> lost = planted.bystanderMarkers().stream()
                    .filter(m -> rows.stream().noneMatch(r -> r.contains(m.text())))
                    .toList();
            assertThat(lost).isEmpty();
            Optional<Erasure> none = personalData().erasure(planted.bystander());
            assertThat(none).isEmpty();
        }

        @Test
        @DisplayName("is recorded, and a second erasure is 'already erased' and changes nothing")
        void idempotent() {
            ErasureReport first = personalData().erase(planted.subject(), "request 17");
            List<String> rows = storeRows();
            int eventsAfterFirst = events.size();
            clock.advance(java.time.Duration.ofDays(1));

            ErasureReport second = personalData().erase(planted.subject(), "request 18");

            assertThat(second.alreadyErased()).isTrue();
            assertThat(second.erasure()).isEqualTo(first.erasure());
            assertThat(second.records()).isEmpty();
            assertThat(second.suppressed()).isZero();
            assertThat(second.total()).isZero();
            assertThat(storeRows()).isEqualTo(rows);
            assertThat(events).hasSize(eventsAfterFirst);
            Optional<Erasure> recorded = personalData().erasure(planted.subject());
            assertThat(recorded).contains(first.erasure());
            assertThat(first.erasure().erasedAt()).isEqualTo(clock.instant().minus(java.time.Duration.ofDays(1)));
        }

        @Test
        @DisplayName("publishes CustomerErased, and no event published from then on carries a marker")
        void events() {
            List<String> before = events.stream().map(String::valueOf).toList();
            // the events of planting carry markers (so the search below could find them)
            assertThat(before.stream()
                            .anyMatch(e -> !planted.subjectMarkersIn(e).isEmpty()))
                    .isTrue();
            int from = events.size();

            personalData().erase(planted.subject(), "request 17");
            // later changes of the erased customer publish events too
            Customer erased = acme.customers().get(planted.subject());
            acme.customers().update(erased.id(), erased.version(), b -> b.tag("erased"));

            List<DomainEvent> after = List.copyOf(events.subList(from, events.size()));
            List<CustomerErased> erasedEvents = after.stream()
                    .filter(CustomerErased.class::isInstance)
                    .map(CustomerErased.class::cast)
                    .toList();
            assertThat(erasedEvents)
                    .singleElement()
                    .satisfies(e -> assertThat(e.customerId()).isEqualTo(planted.subject()));
            List<String> carrying = after.stream()
                    .map(String::valueOf)
                    .filter(e -> !planted.subjectMarkersIn(e).isEmpty())
                    .toList();
            assertThat(carrying).isEmpty();
        }

        @Test
        @DisplayName("refuses a blank, missing or too long reason and an unknown customer, changing nothing")
        void badInput() {
            List<String> rows = storeRows();
            int eventCount = events.size();
            CustomerId subject = planted.subject();

            assertThatThrownBy(() -> personalData().erase(subject, " \t"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("reason");
                        assertThat(e.rule()).isEqualTo(ValidationRule.BLANK);
                    });
            assertThatThrownBy(() -> personalData().erase(subject, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("reason");
                        assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
                    });
            String tooLong = "x".repeat(Erasure.REASON_MAX + 1);
            assertThatThrownBy(() -> personalData().erase(subject, tooLong))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("reason");
                        assertThat(e.rule()).isEqualTo(ValidationRule.TOO_LONG);
                    });
            assertThatThrownBy(() -> personalData().erase(CustomerId.random(), "request 17"))
                    .isInstanceOf(NoSuchCustomerException.class);
            CustomerId otherTenants = crm.tenant("other")
                    .customers()
                    .register(CustomerDraft.person("Other").build())
                    .id();
            List<String> withOther = storeRows();
            assertThatThrownBy(() -> personalData().erase(otherTenants, "request 17"))
                    .isInstanceOf(NoSuchCustomerException.class);

            assertThat(withOther).containsAll(rows);
            assertThat(storeRows()).isEqualTo(withOther);
            assertThat(events).hasSize(eventCount + 1); // the other tenant's CustomerRegistered only
            Optional<Erasure> none = personalData().erasure(subject);
            assertThat(none).isEmpty();
            String reason = "x".repeat(Erasure.REASON_MAX);
            ErasureReport longest = personalData().erase(subject, reason);
            assertThat(longest.erasure().reason()).isEqualTo(reason);
        }
    }

    @Nested
    @DisplayName("the suppression list")
    class Suppression {
        @BeforeEach
        void erase() {
            personalData().erase(planted.subject(), "request 17");
        }

        CustomerDraft.Builder draft() {
            return CustomerDraft.person("Someone New");
        }

        String digits() {
            return planted.phone().replaceAll("[^0-9]", ""); // 86139...
        }

        @Test
        @DisplayName("matches a draft that reuses the erased e-mail in any case, with or without spaces around")
        void email() {
            String email = planted.email();
            for (String variant : List.of(email, email.toLowerCase(), email.toUpperCase())) {
                boolean suppressed = personalData()
                        .isSuppressed(
                                draft().email(variant, ContactPurpose.HOME).build());
                assertThat(suppressed).as(variant).isTrue();
            }
        }

        @Test
        @DisplayName("matches a draft that reuses the erased phone number written differently")
        void phone() {
            String d = digits().substring(2); // the national number: 139 and eight digits
            List<String> variants = List.of(
                    planted.phone(),
                    "+86" + d,
                    "+86 (" + d.substring(0, 3) + ") " + d.substring(3, 7) + "-" + d.substring(7),
                    "+86." + d.substring(0, 3) + "." + d.substring(3));
            for (String variant : variants) {
                boolean suppressed = personalData()
                        .isSuppressed(
                                draft().phone(variant, ContactPurpose.HOME).build());
                assertThat(suppressed).as(variant).isTrue();
            }
        }

        @Test
        @DisplayName("matches a draft that reuses the erased external id or a contact person's e-mail")
        void externalIdAndContactPerson() {
            boolean byExternalId = personalData()
                    .isSuppressed(draft().externalId(planted.externalId()).build());
            assertThat(byExternalId).isTrue();
            String personEmail = planted.markers().stream()
                            .filter(m -> m.field().equals("contactPersons.email"))
                            .findFirst()
                            .orElseThrow()
                            .text()
                    + "@example.org";
            boolean byPersonEmail = personalData()
                    .isSuppressed(draft().email(personEmail.toUpperCase(), ContactPurpose.WORK)
                            .build());
            assertThat(byPersonEmail).isTrue();
        }

        @Test
        @DisplayName("does not match other people, drafts without identifiers, or the same e-mail in another tenant")
        void noFalseMatches() {
            boolean nobody = personalData().isSuppressed(draft().build());
            assertThat(nobody).isFalse();
            boolean stranger = personalData()
                    .isSuppressed(draft().email("someone.else@example.com", ContactPurpose.HOME)
                            .phone("+86 139 0000 0000", ContactPurpose.HOME)
                            .externalId("EXT-unrelated")
                            .build());
            assertThat(stranger).isFalse();
            String bystanderEmail = acme.customers()
                    .get(planted.bystander())
                    .contactPoints()
                    .get(0)
                    .value();
            boolean bystander = personalData()
                    .isSuppressed(
                            draft().email(bystanderEmail, ContactPurpose.HOME).build());
            assertThat(bystander).isFalse();
            boolean otherTenant = crm.tenant("other")
                    .personalData()
                    .isSuppressed(draft().email(planted.email(), ContactPurpose.HOME)
                            .externalId(planted.externalId())
                            .build());
            assertThat(otherTenant).isFalse();
            // a longer external id that starts with the erased one is another id
            boolean prefix = personalData()
                    .isSuppressed(draft().externalId(planted.externalId() + "0").build());
            assertThat(prefix).isFalse();
        }

        @Test
        @DisplayName("holds salted SHA-256 hashes only: no plaintext, no unsalted hash of an identifier")
        void hashesOnly() throws Exception {
            List<String> suppressedRows = storeRows().stream()
                    .filter(r -> r.contains("privacy#suppressed"))
                    .toList();
            // e-mail, phone, the contact person's e-mail and phone, external id (a fax number is no identifier)
            assertThat(suppressedRows).hasSize(5);
            Pattern hash = Pattern.compile("acme \\| privacy#suppressed \\| ([0-9a-f]{64}) \\| \\1");
            assertThat(suppressedRows).allSatisfy(r -> assertThat(r).matches(hash));
            String email = "email:" + planted.email().toLowerCase(java.util.Locale.ROOT);
            String unsalted = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8)));
            assertThat(suppressedRows).noneMatch(r -> r.contains(unsalted));
            List<String> plaintext = hits(suppressedRows, planted.markers());
            assertThat(plaintext).isEmpty();
        }

        @Test
        @DisplayName("a steward's override with a reason re-creates the erased person, unsuppresses it and audits why")
        void override() {
            CustomerDraft returning =
                    draft().email(planted.email(), ContactPurpose.HOME).build();
            boolean before = personalData().isSuppressed(returning);
            assertThat(before).isTrue();
            long customersBefore = all(p -> acme.customers().query(dev.guanxi.crm.customer.CustomerQuery.all(), p))
                    .size();

            assertThatThrownBy(() -> personalData().registerSuppressed(returning, "  "))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("reason");
                        assertThat(e.rule()).isEqualTo(ValidationRule.BLANK);
                    });
            assertThatThrownBy(() -> personalData().registerSuppressed(returning, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("reason");
                        assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
                    });
            long afterRefusals = all(p -> acme.customers().query(dev.guanxi.crm.customer.CustomerQuery.all(), p))
                    .size();
            assertThat(afterRefusals).isEqualTo(customersBefore);
            boolean stillSuppressed = personalData().isSuppressed(returning);
            assertThat(stillSuppressed).isTrue();

            events.clear();
            Customer back = personalData().registerSuppressed(returning, "consent form 2026-0042");
            Optional<Customer> stored = acme.customers().find(back.id());
            assertThat(stored).contains(back);
            assertThat(events)
                    .anySatisfy(e -> assertThat(e).isInstanceOf(dev.guanxi.crm.event.CustomerRegistered.class));
            List<dev.guanxi.crm.audit.AuditRecord> timeline =
                    all(p -> acme.audit().timeline(back.id(), p));
            dev.guanxi.crm.audit.AuditRecord override = timeline.stream()
                    .filter(r -> r.entityKind().equals(PersonalData.OVERRIDE_KIND))
                    .findFirst()
                    .orElseThrow();
            assertThat(override.customerId()).isEqualTo(back.id());
            assertThat(override.actor()).isEqualTo(dev.guanxi.crm.audit.AuditRecord.SYSTEM);
            // the draft carries one identifier (the e-mail): one hash removed
            assertThat(override.changes())
                    .containsExactly(
                            new dev.guanxi.crm.audit.FieldChange("reason", null, "consent form 2026-0042"),
                            new dev.guanxi.crm.audit.FieldChange("unsuppressed", null, "1"));
            assertThat(timeline).anySatisfy(r -> assertThat(r.entityKind()).isEqualTo("Customer"));

            boolean afterOverride = personalData().isSuppressed(returning);
            assertThat(afterOverride).isFalse();
            boolean anotherWithSameEmail = personalData()
                    .isSuppressed(CustomerDraft.person("Namesake")
                            .email(planted.email().toUpperCase(), ContactPurpose.WORK)
                            .build());
            assertThat(anotherWithSameEmail).isFalse();
            // identifiers the draft did not carry stay suppressed
            boolean externalId = personalData()
                    .isSuppressed(draft().externalId(planted.externalId()).build());
            assertThat(externalId).isTrue();
        }

        @Test
        @DisplayName("the override refuses a draft that is not suppressed and stores nothing")
        void overrideOfUnsuppressed() {
            CustomerDraft stranger = draft().email("someone.else@example.com", ContactPurpose.HOME)
                    .build();
            long customersBefore = all(p -> acme.customers().query(dev.guanxi.crm.customer.CustomerQuery.all(), p))
                    .size();
            assertThatThrownBy(() -> personalData().registerSuppressed(stranger, "consent form 7"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("draft");
                        assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                    });
            long after = all(p -> acme.customers().query(dev.guanxi.crm.customer.CustomerQuery.all(), p))
                    .size();
            assertThat(after).isEqualTo(customersBefore);
        }
    }
}
