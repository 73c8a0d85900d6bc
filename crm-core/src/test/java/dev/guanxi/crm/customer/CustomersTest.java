package dev.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.event.CustomerConsentRecorded;
import dev.guanxi.crm.event.CustomerDeleted;
import dev.guanxi.crm.event.CustomerEvent;
import dev.guanxi.crm.event.CustomerOwnerChanged;
import dev.guanxi.crm.event.CustomerRegistered;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.field.FieldKey;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Customers")
class CustomersTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final FieldDefinition<String> GROUP =
            FieldDefinition.string("erp", "group").maxLength(10);
    static final FieldDefinition<Long> SCORE =
            FieldDefinition.integer("erp", "score").min(0L).max(100L);

    final List<CustomerEvent> events = new ArrayList<>();
    Crm crm;
    TenantCrm acme;
    Customers customers;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .customField(GROUP)
                .customField(SCORE)
                .listener(CustomerEvent.class, events::add)
                .build();
        acme = crm.tenant("acme");
        customers = acme.customers();
        ReferenceCodes codes = acme.referenceCodes();
        codes.define(ReferenceCodeType.CUSTOMER_TYPE, "distributor", "经销商");
        codes.define(ReferenceCodeType.CUSTOMER_TYPE, "direct", "直销客户");
        codes.define(ReferenceCodeType.CUSTOMER_STATUS, "active", "Active");
        codes.define(ReferenceCodeType.REGION, "north", "华北");
        codes.define(ReferenceCodeType.REGION, "south", "华南");
        codes.define(ReferenceCodeType.INDUSTRY, "retail", "零售");
    }

    static CustomerDraft fullOrganisation() {
        return CustomerDraft.organisation("华联商贸")
                .legalName("北京华联商贸有限公司")
                .email("buyer@hualian.example", ContactPurpose.WORK)
                .phone("+86 (10) 6552-9988", ContactPurpose.WORK)
                .contactPoint(ContactPoint.email("billing@hualian.example", ContactPurpose.BILLING)
                        .asPrimary()
                        .withValidity(LocalDate.parse("2025-01-01"), null))
                .postalAddress(
                        PostalAddress.of("CN", "100020", "北京市", "朝阳区建国路88号", "SOHO现代城A座")
                                .withAdministrativeArea("北京"),
                        ContactPurpose.SHIPPING)
                .messaging("WeChat", "hualian_buyer", ContactPurpose.WORK)
                .fax("+86 10 6552 9989", ContactPurpose.BILLING)
                .contactPerson(ContactPerson.of("王芳", "采购经理")
                        .withContactPoint(ContactPoint.phone("+86 138 0013 8000", ContactPurpose.WORK)))
                .customerType("distributor")
                .status("active")
                .region("north")
                .industry("retail")
                .tag("vip")
                .tag("key-account")
                .preferredChannel(Channel.EMAIL)
                .preferredLanguage(Locale.forLanguageTag("zh-CN"))
                .optIn(Channel.EMAIL, Instant.parse("2025-06-01T08:00:00Z"), "web form")
                .foundingDay(LocalDate.parse("1998-03-12"))
                .importantDate(ImportantDate.contractAnniversary(LocalDate.parse("2020-05-01")))
                .externalId("ERP-10042")
                .owner(StaffId.of("li.lei"))
                .creditLimit("50000.00", "CNY")
                .customField(GROUP.key(), "A-key")
                .customField(SCORE.key(), 87L)
                .build();
    }

    @Nested
    @DisplayName("register")
    class Register {
        @Test
        @DisplayName("stores every value of the draft at version 1 with the clock's instant")
        void storesEverything() {
            CustomerDraft draft = fullOrganisation();

            Customer c = customers.register(draft);

            assertThat(c.version()).isEqualTo(1);
            assertThat(c.createdAt()).isEqualTo(NOW);
            assertThat(c.updatedAt()).isEqualTo(NOW);
            assertThat(c.draft()).isEqualTo(draft);
            assertThat(customers.get(c.id())).isEqualTo(c);
            assertThat(c.contactPoints()).extracting(ContactPoint::value).contains("+861065529988", "+861065529989");
            assertThat(c.tags()).containsExactly("key-account", "vip");
            assertThat(c.customField(SCORE.key())).contains(87L);
            assertThat(c.creditLimit()).isEqualTo(Money.of("50000", "CNY"));
            assertThat(c.importantDate(ImportantDateType.FOUNDING_DAY))
                    .map(ImportantDate::date)
                    .contains(LocalDate.parse("1998-03-12"));
        }

        @Test
        @DisplayName("keeps the minimal API other areas use: person(name).build(), id, version, displayName")
        void minimalApi() {
            Customer c = customers.register(CustomerDraft.person("Test").build());

            assertThat(c.displayName()).isEqualTo("Test");
            assertThat(c.kind()).isEqualTo(PartyKind.PERSON);
            assertThat(customers.find(c.id())).contains(c);
            assertThat(customers.get(c.id()).version()).isEqualTo(1);
        }

        @Test
        @DisplayName("publishes CustomerRegistered, then the owner and each consent, after commit")
        void publishesEvents() {
            Customer c = customers.register(fullOrganisation());

            assertThat(events).hasSize(3);
            assertThat(events.get(0))
                    .isEqualTo(new CustomerRegistered(events.get(0).metadata(), c));
            assertThat(events.get(0).metadata().occurredAt()).isEqualTo(NOW);
            assertThat(events.get(0).metadata().tenant()).isEqualTo(acme.tenant());
            assertThat(events.get(1)).isInstanceOfSatisfying(CustomerOwnerChanged.class, e -> {
                assertThat(e.previousOwner()).isNull();
                assertThat(e.newOwner()).isEqualTo(StaffId.of("li.lei"));
            });
            assertThat(events.get(2))
                    .isInstanceOfSatisfying(
                            CustomerConsentRecorded.class,
                            e -> assertThat(e.consent().channel()).isEqualTo(Channel.EMAIL));
            assertThat(events).allSatisfy(e -> assertThat(e.customerId()).isEqualTo(c.id()));
        }

        @Test
        @DisplayName("a listener sees the registered customer already committed")
        void listenerSeesCommittedState() {
            List<Boolean> visible = new ArrayList<>();
            AtomicReference<Crm> self = new AtomicReference<>();
            Crm withListener = Crm.builder()
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .listener(
                            CustomerRegistered.class,
                            e -> visible.add(self.get()
                                    .tenant("acme")
                                    .customers()
                                    .find(e.customerId())
                                    .isPresent()))
                    .build();
            self.set(withListener);

            withListener
                    .tenant("acme")
                    .customers()
                    .register(CustomerDraft.person("Test").build());

            assertThat(visible).containsExactly(true);
        }

        @Test
        @DisplayName("a duplicate external id is refused with DuplicateKeyException naming the holder")
        void duplicateExternalId() {
            Customer first = customers.register(
                    CustomerDraft.person("A").externalId("ERP-1").build());
            events.clear();
            long before = customers.count(CustomerQuery.all());

            assertThatThrownBy(() -> customers.register(
                            CustomerDraft.person("B").externalId("ERP-1").build()))
                    .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                        assertThat(e.field()).isEqualTo("externalId");
                        assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                        assertThat(e.existingId()).contains(first.id());
                    });
            assertThat(customers.count(CustomerQuery.all())).isEqualTo(before);
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("reports every violation of a draft at once, in field order")
        void allViolations() {
            assertThatThrownBy(() -> customers.register(CustomerDraft.person(" ")
                            .region("nowhere")
                            .customField(FieldKey.string("erp", "nope"), "x")
                            .build()))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.violations())
                                    .extracting(v -> v.field() + ":" + v.rule())
                                    .containsExactly("displayName:BLANK"));
            assertThatThrownBy(() -> customers.register(CustomerDraft.person("Ok")
                            .region("nowhere")
                            .industry("mining")
                            .customField(FieldKey.string("erp", "nope"), "x")
                            .customField(SCORE.key(), 101L)
                            .build()))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.violations())
                                    .extracting(v -> v.field() + ":" + v.rule())
                                    .containsExactly(
                                            "region:UNKNOWN_CODE",
                                            "industry:UNKNOWN_CODE",
                                            "customFields.erp.nope:UNKNOWN_FIELD",
                                            "customFields.erp.score:OUT_OF_RANGE"));
            assertThat(customers.count(CustomerQuery.all())).isZero();
        }
    }

    @Nested
    @DisplayName("update")
    class Update {
        @Test
        @DisplayName("applies the change to the current values and stores version + 1 with a new updatedAt")
        void updates() {
            Customer c = customers.register(fullOrganisation());
            Instant later = NOW.plusSeconds(3600);
            Customers laterCustomers = Crm.builder()
                    .storage(crm.storage())
                    .clock(Clock.fixed(later, ZoneOffset.UTC))
                    .customField(GROUP)
                    .customField(SCORE)
                    .build()
                    .tenant("acme")
                    .customers();

            Customer updated = laterCustomers.update(
                    c.id(), 1, b -> b.region("south").untag("vip").tag("strategic"));

            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.region()).isEqualTo("south");
            assertThat(updated.tags()).containsExactly("key-account", "strategic");
            assertThat(updated.createdAt()).isEqualTo(NOW);
            assertThat(updated.updatedAt()).isEqualTo(later);
            assertThat(updated.legalName()).isEqualTo(c.legalName());
            assertThat(updated.contactPoints()).isEqualTo(c.contactPoints());
            assertThat(customers.get(c.id())).isEqualTo(updated);
        }

        @Test
        @DisplayName("can replace every value by returning another builder")
        void replaces() {
            Customer c = customers.register(fullOrganisation());

            Customer replaced = customers.update(
                    c.id(), 1, b -> CustomerDraft.person("Wang Fang").externalId("ERP-10042"));

            assertThat(replaced.draft())
                    .isEqualTo(CustomerDraft.person("Wang Fang")
                            .externalId("ERP-10042")
                            .build());
            assertThat(replaced.id()).isEqualTo(c.id());
        }

        @Test
        @DisplayName("refuses a stale version with StaleVersionException and stores nothing")
        void staleVersion() {
            Customer c = customers.register(CustomerDraft.person("Test").build());
            customers.update(c.id(), 1, b -> b.displayName("Test 2"));
            events.clear();

            assertThatThrownBy(() -> customers.update(c.id(), 1, b -> b.displayName("Test 3")))
                    .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                        assertThat(e.id()).isEqualTo(c.id());
                        assertThat(e.expectedVersion()).isEqualTo(1);
                    });
            assertThat(customers.get(c.id()).displayName()).isEqualTo("Test 2");
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("detects a concurrent change made while the change function ran")
        void concurrentChange() {
            Customer c = customers.register(CustomerDraft.person("Test").build());

            assertThatThrownBy(() -> customers.update(c.id(), 1, b -> {
                        customers.update(c.id(), 1, other -> other.tag("sneaky"));
                        return b.displayName("Mine");
                    }))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(customers.get(c.id()).tags()).containsExactly("sneaky");
            assertThat(customers.get(c.id()).displayName()).isEqualTo("Test");
        }

        @Test
        @DisplayName("publishes CustomerUpdated with before and after, the owner change and new consents only")
        void publishesEvents() {
            Customer c = customers.register(fullOrganisation());
            events.clear();

            Customer updated = customers.update(
                    c.id(),
                    1,
                    b -> b.owner(StaffId.of("han.mei"))
                            .optOut(Channel.EMAIL, NOW.minusSeconds(60), "unsubscribe link"));

            assertThat(events).hasSize(3);
            assertThat(events.get(0)).isInstanceOfSatisfying(CustomerUpdated.class, e -> {
                assertThat(e.before()).isEqualTo(c);
                assertThat(e.customer()).isEqualTo(updated);
                assertThat(e.changed(Customer::owner)).isTrue();
                assertThat(e.changed(Customer::region)).isFalse();
            });
            assertThat(events.get(1))
                    .isEqualTo(new CustomerOwnerChanged(
                            events.get(1).metadata(), c.id(), StaffId.of("li.lei"), StaffId.of("han.mei")));
            assertThat(events.get(2))
                    .isInstanceOfSatisfying(
                            CustomerConsentRecorded.class,
                            e -> assertThat(e.consent().status()).isEqualTo(ConsentStatus.OPT_OUT));
            assertThat(updated.mayContact(Channel.EMAIL)).isFalse();
        }

        @Test
        @DisplayName("writes nothing and publishes nothing when the change changes nothing")
        void noOp() {
            Customer c = customers.register(fullOrganisation());
            events.clear();

            Customer same = customers.update(c.id(), 1, b -> b.region("north"));

            assertThat(same).isEqualTo(c);
            assertThat(customers.get(c.id()).version()).isEqualTo(1);
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("validates the new values like a registration and stores nothing on failure")
        void validates() {
            Customer c = customers.register(fullOrganisation());
            events.clear();

            assertThatThrownBy(() -> customers.update(c.id(), 1, b -> b.region("atlantis")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("region");
                        assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_CODE);
                    });
            assertThatThrownBy(() -> customers.update(c.id(), 1, b -> b.creditLimit(Money.of("-1", "CNY"))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("creditLimit");
                        assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
                    });
            assertThat(customers.get(c.id())).isEqualTo(c);
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("keeps a since deactivated code when it is not changed, but refuses to set it anew")
        void deactivatedCodes() {
            Customer c = customers.register(fullOrganisation());
            acme.referenceCodes().deactivate(ReferenceCodeType.REGION, "north");

            Customer renamed = customers.update(c.id(), 1, b -> b.displayName("华联"));

            assertThat(renamed.region()).isEqualTo("north");
            Customer moved = customers.update(c.id(), 2, b -> b.region("south"));
            assertThatThrownBy(() -> customers.update(c.id(), 3, b -> b.region("north")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("region");
                        assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_CODE);
                    });
            assertThat(customers.get(c.id())).isEqualTo(moved);
        }

        @Test
        @DisplayName("refuses to take another customer's external id")
        void duplicateExternalId() {
            customers.register(CustomerDraft.person("A").externalId("ERP-1").build());
            Customer b = customers.register(
                    CustomerDraft.person("B").externalId("ERP-2").build());

            assertThatThrownBy(() -> customers.update(b.id(), 1, d -> d.externalId("ERP-1")))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(customers.get(b.id()).externalId()).isEqualTo("ERP-2");
        }

        @Test
        @DisplayName("of an unknown customer throws NoSuchCustomerException")
        void unknown() {
            assertThatThrownBy(() -> customers.update(CustomerId.random(), 1, b -> b))
                    .isInstanceOf(NoSuchCustomerException.class);
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete {
        @Test
        @DisplayName("removes the customer and publishes CustomerDeleted")
        void deletes() {
            Customer c = customers.register(
                    CustomerDraft.person("Test").externalId("X-1").build());
            events.clear();

            customers.delete(c.id(), 1);

            assertThat(customers.find(c.id())).isEmpty();
            assertThat(customers.findByExternalId("X-1")).isEmpty();
            assertThat(events)
                    .singleElement()
                    .isEqualTo(new CustomerDeleted(events.get(0).metadata(), c.id(), 1));
            assertThat(customers
                            .register(CustomerDraft.person("Again")
                                    .externalId("X-1")
                                    .build())
                            .externalId())
                    .isEqualTo("X-1");
        }

        @Test
        @DisplayName("refuses a stale version and keeps the customer")
        void stale() {
            Customer c = customers.register(CustomerDraft.person("Test").build());
            customers.update(c.id(), 1, b -> b.tag("x"));

            assertThatThrownBy(() -> customers.delete(c.id(), 1)).isInstanceOf(StaleVersionException.class);
            assertThat(customers.find(c.id())).isPresent();
        }

        @Test
        @DisplayName("of an unknown customer throws NoSuchCustomerException")
        void unknown() {
            assertThatThrownBy(() -> customers.delete(CustomerId.random(), 1))
                    .isInstanceOf(NoSuchCustomerException.class);
        }
    }

    @Nested
    @DisplayName("find and query")
    class Query {
        Customer zhang;
        Customer li;
        Customer acmeCorp;
        Customer beta;

        @BeforeEach
        void customers() {
            zhang = customers.register(CustomerDraft.person("张伟")
                    .region("north")
                    .customerType("direct")
                    .tag("vip")
                    .owner(StaffId.of("li.lei"))
                    .build());
            li = customers.register(CustomerDraft.person("李娜")
                    .region("south")
                    .customerType("direct")
                    .tag("vip")
                    .build());
            acmeCorp = customers.register(CustomerDraft.organisation("Acme")
                    .legalName("Acme Trading GmbH")
                    .region("north")
                    .customerType("distributor")
                    .status("active")
                    .industry("retail")
                    .externalId("ERP-7")
                    .owner(StaffId.of("li.lei"))
                    .build());
            beta = customers.register(CustomerDraft.organisation("beta Industries")
                    .legalName("Trading Beta AG")
                    .region("south")
                    .build());
        }

        private List<Customer> query(CustomerQuery q) {
            return customers.query(q, PageRequest.first(100)).items();
        }

        @Test
        @DisplayName("lists every customer ordered by display name in String order, then id")
        void orders() {
            Customer anotherAcme =
                    customers.register(CustomerDraft.person("Acme").build());
            List<Customer> acmes = List.of(acmeCorp, anotherAcme).stream()
                    .sorted(Comparator.comparing(c -> c.id().toString()))
                    .toList();

            assertThat(query(CustomerQuery.all())).containsExactly(acmes.get(0), acmes.get(1), beta, zhang, li);
        }

        @Test
        @DisplayName("filters by kind, type, status, region, industry, owner, tag and external id, combined with AND")
        void filters() {
            assertThat(query(CustomerQuery.all().withRegion("north"))).containsExactly(acmeCorp, zhang);
            assertThat(query(CustomerQuery.all().withCustomerType("direct"))).containsExactly(zhang, li);
            assertThat(query(CustomerQuery.all().withStatus("active"))).containsExactly(acmeCorp);
            assertThat(query(CustomerQuery.all().withIndustry("retail"))).containsExactly(acmeCorp);
            assertThat(query(CustomerQuery.all().withOwner(StaffId.of("li.lei"))))
                    .containsExactly(acmeCorp, zhang);
            assertThat(query(CustomerQuery.all().withTag("vip"))).containsExactly(zhang, li);
            assertThat(query(CustomerQuery.all().withExternalId("ERP-7"))).containsExactly(acmeCorp);
            assertThat(query(CustomerQuery.all().withKind(PartyKind.ORGANISATION)))
                    .containsExactly(acmeCorp, beta);
            assertThat(query(CustomerQuery.all().withRegion("north").withTag("vip")))
                    .containsExactly(zhang);
            assertThat(query(CustomerQuery.all().withRegion("south").withOwner(StaffId.of("li.lei"))))
                    .isEmpty();
            assertThat(query(CustomerQuery.all().withRegion("unknown"))).isEmpty();
            assertThat(customers.count(CustomerQuery.all().withRegion("north"))).isEqualTo(2);
        }

        @Test
        @DisplayName("matches a name prefix on display or legal name, ignoring case")
        void namePrefix() {
            assertThat(query(CustomerQuery.all().withNamePrefix("ACME"))).containsExactly(acmeCorp);
            assertThat(query(CustomerQuery.all().withNamePrefix("acme trading")))
                    .containsExactly(acmeCorp);
            assertThat(query(CustomerQuery.all().withNamePrefix("trading"))).containsExactly(beta);
            assertThat(query(CustomerQuery.all().withNamePrefix("BETA"))).containsExactly(beta);
            assertThat(query(CustomerQuery.all().withNamePrefix("张"))).containsExactly(zhang);
            assertThat(query(CustomerQuery.all().withNamePrefix("Industries"))).isEmpty();
        }

        @Test
        @DisplayName("pages through the ordered result without gaps or repeats")
        void pages() {
            Page<Customer> first = customers.query(CustomerQuery.all(), PageRequest.first(3));
            Page<Customer> second =
                    customers.query(CustomerQuery.all(), first.nextRequest().orElseThrow());

            assertThat(first.items()).containsExactly(acmeCorp, beta, zhang);
            assertThat(first.hasMore()).isTrue();
            assertThat(second.items()).containsExactly(li);
            assertThat(second.hasMore()).isFalse();
        }

        @Test
        @DisplayName("finds a customer by external id")
        void byExternalId() {
            assertThat(customers.findByExternalId("ERP-7")).contains(acmeCorp);
            assertThat(customers.findByExternalId("erp-7")).isEmpty();
            assertThatThrownBy(() -> customers.findByExternalId(" "))
                    .isInstanceOfSatisfying(
                            ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.BLANK));
        }

        @Test
        @DisplayName("refuses an ill-formed filter")
        void badFilter() {
            assertThatThrownBy(() -> CustomerQuery.all().withRegion("north east"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("region");
                        assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_FORMAT);
                    });
            assertThatThrownBy(() -> CustomerQuery.all().withNamePrefix(""))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("namePrefix"));
        }
    }

    @Nested
    @DisplayName("tenant isolation")
    class Isolation {
        @Test
        @DisplayName("another tenant never sees a tenant's customers, by id, external id or query")
        void isolated() {
            Customer c = customers.register(
                    CustomerDraft.person("Test").externalId("ERP-1").build());
            Customers other = crm.tenant("globex").customers();

            assertThat(other.find(c.id())).isEmpty();
            assertThatThrownBy(() -> other.get(c.id())).isInstanceOf(NoSuchCustomerException.class);
            assertThat(other.findByExternalId("ERP-1")).isEmpty();
            assertThat(other.query(CustomerQuery.all(), PageRequest.first(10)).items())
                    .isEmpty();
            assertThat(other.count(CustomerQuery.all())).isZero();
            assertThatThrownBy(() -> other.update(c.id(), 1, b -> b.displayName("Hijack")))
                    .isInstanceOf(NoSuchCustomerException.class);
            assertThatThrownBy(() -> other.delete(c.id(), 1)).isInstanceOf(NoSuchCustomerException.class);
            assertThat(customers.get(c.id()).displayName()).isEqualTo("Test");
        }

        @Test
        @DisplayName("external ids and reference codes are per tenant")
        void perTenant() {
            customers.register(CustomerDraft.person("Test").externalId("ERP-1").build());
            Customers other = crm.tenant("globex").customers();

            assertThat(other.register(CustomerDraft.person("Other")
                                    .externalId("ERP-1")
                                    .build())
                            .externalId())
                    .isEqualTo("ERP-1");
            assertThatThrownBy(() -> other.register(
                            CustomerDraft.person("Other").region("north").build()))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_CODE));
        }
    }

    @Nested
    @DisplayName("consent")
    class ConsentRules {
        @Test
        @DisplayName("marketing may contact only on channels whose latest decision is an opt-in")
        void mayContact() {
            Customer c = customers.register(CustomerDraft.person("Test")
                    .optIn(Channel.EMAIL, Instant.parse("2025-01-01T00:00:00Z"), "form")
                    .optIn(Channel.SMS, Instant.parse("2025-01-01T00:00:00Z"), "form")
                    .optOut(Channel.SMS, Instant.parse("2025-06-01T00:00:00Z"), "reply STOP")
                    .build());

            assertThat(c.mayContact(Channel.EMAIL)).isTrue();
            assertThat(c.mayContact(Channel.SMS)).isFalse();
            assertThat(c.mayContact(Channel.PHONE)).isFalse();
        }

        @Test
        @DisplayName("a consent in the future is refused")
        void futureConsent() {
            assertThatThrownBy(() -> customers.register(CustomerDraft.person("Test")
                            .optIn(Channel.EMAIL, NOW.plusSeconds(3600), "form")
                            .build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("preferences.consents[0].at");
                        assertThat(e.rule()).isEqualTo(ValidationRule.FUTURE);
                    });
        }
    }
}
