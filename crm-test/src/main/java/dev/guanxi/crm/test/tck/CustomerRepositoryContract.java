package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.ContactPerson;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.ImportantDate;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.PostalAddress;
import dev.guanxi.crm.field.FieldKey;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code CustomerRepository}: versioned insert, update and delete, the per-tenant unique
 * external id, byte-identical round trip of every value, the filters and order of {@code query}, paging,
 * tenant isolation and rollback.
 */
public abstract class CustomerRepositoryContract extends RepositoryContract {
    /** The instant fixtures are created at. */
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123456Z");

    /** Creates the contract. */
    protected CustomerRepositoryContract() {}

    /**
     * Creates a customer fixture at version 1.
     *
     * @param draft the values
     * @return the customer
     */
    protected static Customer customer(CustomerDraft draft) {
        return Customer.create(CustomerId.random(), draft, T0);
    }

    /**
     * Creates a person fixture with only a name.
     *
     * @param name the display name
     * @return the customer
     */
    protected static Customer person(String name) {
        return customer(CustomerDraft.person(name).build());
    }

    /**
     * Creates an organisation fixture with every value set, in several scripts.
     *
     * @return the customer
     */
    protected static Customer everything() {
        return customer(CustomerDraft.organisation("华联商贸 \uD842\uDFB7 \uD83D\uDC69\u200D\uD83D\uDC67")
                .legalName(" محمد للتجارة Cafe\u0301 İstanbul ")
                .email("采购@华联.中国", ContactPurpose.WORK)
                .phone("+86 (10) 6552-9988", ContactPurpose.WORK)
                .contactPoint(ContactPoint.email("billing@example.com", ContactPurpose.BILLING)
                        .asPrimary()
                        .withValidity(LocalDate.parse("2025-01-01"), LocalDate.parse("2027-12-31")))
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
                .tag("重点客户")
                .preferredChannel(Channel.EMAIL)
                .preferredLanguage(Locale.forLanguageTag("zh-Hans-CN"))
                .optIn(Channel.EMAIL, Instant.parse("2025-06-01T08:00:00.000001Z"), "web form")
                .optOut(Channel.SMS, Instant.parse("2025-07-01T08:00:00Z"), null)
                .foundingDay(LocalDate.parse("1998-03-12"))
                .importantDate(ImportantDate.other("春节拜访", LocalDate.parse("2026-02-17")))
                .externalId("ERP-10042")
                .owner(StaffId.of("li.lei"))
                .creditLimit(Money.of("50000.00", "CNY"))
                .customField(FieldKey.string("erp", "group"), "A-key 🔑")
                .customField(FieldKey.integer("erp", "score"), Long.MAX_VALUE)
                .customField(FieldKey.decimal("erp", "rate"), new BigDecimal("0.125"))
                .customField(FieldKey.bool("erp", "blocked"), false)
                .customField(FieldKey.date("erp", "since"), LocalDate.parse("1999-12-31"))
                .customField(FieldKey.instant("erp", "synced"), Instant.parse("2026-01-14T23:59:59.999999Z"))
                .customField(FieldKey.money("erp", "deposit"), Money.of("12.345", "BHD"))
                .build());
    }

    private void insert(Customer... customers) {
        run(TENANT_A, uow -> {
            for (Customer c : customers) {
                uow.customers().insert(c);
            }
        });
    }

    private Optional<Customer> lookup(TenantId tenant, CustomerId id) {
        return read(tenant, uow -> uow.customers().find(id));
    }

    private Optional<Customer> byExternalId(TenantId tenant, String externalId) {
        return read(tenant, uow -> uow.customers().findByExternalId(externalId));
    }

    private Page<Customer> page(TenantId tenant, CustomerQuery query, PageRequest request) {
        return read(tenant, uow -> uow.customers().query(query, request));
    }

    private long count(TenantId tenant, CustomerQuery query) {
        return read(tenant, uow -> uow.customers().count(query));
    }

    private Customer find(CustomerId id) {
        return lookup(TENANT_A, id).orElseThrow();
    }

    private List<Customer> query(CustomerQuery query) {
        return page(TENANT_A, query, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    /** Every value of a customer is stored and returned unchanged, texts byte for byte. */
    @Test
    @DisplayName("returns an inserted customer equal to the one given, every text byte-identical")
    public void roundTrip() {
        Customer c = everything();
        insert(c);

        Customer read = find(c.id());

        assertThat(read).isEqualTo(c);
        assertThat(read.displayName().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(c.displayName().getBytes(StandardCharsets.UTF_8));
        assertThat(read.legalName().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(c.legalName().getBytes(StandardCharsets.UTF_8));
        assertThat(read.customFields().asMap()).isEqualTo(c.customFields().asMap());
        assertThat(read.createdAt()).isEqualTo(T0);
    }

    /** An unknown id finds nothing. */
    @Test
    @DisplayName("finds nothing for an unknown id")
    public void unknownId() {
        assertThat(lookup(TENANT_A, CustomerId.random())).isEmpty();
    }

    /** Inserting an id twice fails. */
    @Test
    @DisplayName("refuses to insert an id twice")
    public void duplicateId() {
        Customer c = person("A");
        insert(c);

        assertThatThrownBy(() -> insert(c.revise(CustomerDraft.person("B").build(), T0)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(find(c.id())).isEqualTo(c);
    }

    /** An update at the expected version replaces the customer. */
    @Test
    @DisplayName("replaces a customer whose version is the expected one")
    public void update() {
        Customer c = everything();
        insert(c);
        Customer next = c.revise(c.toDraft().displayName("新名字").region("south").build(), T0.plusSeconds(1));

        run(TENANT_A, uow -> uow.customers().update(1, next));

        assertThat(find(c.id())).isEqualTo(next);
    }

    /** An update at a stale version fails and changes nothing. */
    @Test
    @DisplayName("refuses an update based on a stale version and keeps the stored customer")
    public void staleUpdate() {
        Customer c = person("A");
        insert(c);
        Customer v2 = c.revise(CustomerDraft.person("B").build(), T0);
        run(TENANT_A, uow -> uow.customers().update(1, v2));
        Customer lost = c.revise(CustomerDraft.person("C").build(), T0);

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().update(1, lost)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(find(c.id())).isEqualTo(v2);
    }

    /** Updating an unknown customer fails; a version that is not expected + 1 is refused. */
    @Test
    @DisplayName("refuses to update an unknown customer or to skip a version")
    public void badUpdates() {
        Customer c = person("A");

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().update(0, c)))
                .isInstanceOf(NotFoundException.class);
        insert(c);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().update(1, c)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(find(c.id())).isEqualTo(c);
    }

    /** Delete at the expected version removes; stale or unknown fails. */
    @Test
    @DisplayName("deletes at the expected version, refuses a stale version or an unknown id")
    public void delete() {
        Customer c = person("A");
        insert(c);

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().delete(c.id(), 2)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(lookup(TENANT_A, c.id())).isPresent();
        run(TENANT_A, uow -> uow.customers().delete(c.id(), 1));
        assertThat(lookup(TENANT_A, c.id())).isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().delete(c.id(), 1)))
                .isInstanceOf(NotFoundException.class);
    }

    /** The external id is unique per tenant, on insert and on update. */
    @Test
    @DisplayName("keeps external ids unique per tenant and names the customer that holds one")
    public void uniqueExternalId() {
        Customer first = customer(CustomerDraft.person("A").externalId("ERP-1").build());
        Customer second = customer(CustomerDraft.person("B").externalId("ERP-2").build());
        insert(first, second);

        assertThatThrownBy(() -> insert(
                        customer(CustomerDraft.person("C").externalId("ERP-1").build())))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("externalId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                    assertThat(e.existingId()).contains(first.id());
                });
        Customer taking = second.revise(second.toDraft().externalId("ERP-1").build(), T0);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().update(1, taking)))
                .isInstanceOf(DuplicateKeyException.class);
        Customer keeping = first.revise(first.toDraft().displayName("A2").build(), T0);
        run(TENANT_A, uow -> uow.customers().update(1, keeping));
        run(
                TENANT_B,
                uow -> uow.customers()
                        .insert(customer(CustomerDraft.person("Other tenant")
                                .externalId("ERP-1")
                                .build())));
        run(TENANT_A, uow -> uow.customers().delete(second.id(), 1));
        insert(customer(CustomerDraft.person("D").externalId("ERP-2").build()));

        assertThat(query(CustomerQuery.all())).extracting(Customer::displayName).containsExactly("A2", "D");
    }

    /** findByExternalId matches exactly. */
    @Test
    @DisplayName("finds a customer by its exact external id")
    public void byExternalId() {
        Customer c = customer(CustomerDraft.person("A").externalId("Erp-7").build());
        insert(c, person("B"));

        assertThat(byExternalId(TENANT_A, "Erp-7")).contains(c);
        assertThat(byExternalId(TENANT_A, "ERP-7")).isEmpty();
        assertThat(byExternalId(TENANT_B, "Erp-7")).isEmpty();
    }

    /** Each filter of a query, and their AND combination. */
    @Test
    @DisplayName("filters by kind, type, status, region, industry, owner, tag and external id, with AND")
    public void filters() {
        Customer a = customer(CustomerDraft.organisation("A")
                .customerType("distributor")
                .status("active")
                .region("north")
                .industry("retail")
                .owner(StaffId.of("li"))
                .tag("vip")
                .externalId("X1")
                .build());
        Customer b = customer(CustomerDraft.person("B")
                .customerType("direct")
                .status("active")
                .region("south")
                .owner(StaffId.of("li"))
                .tag("vip")
                .tag("new")
                .build());
        Customer c = customer(CustomerDraft.person("C").region("north").build());
        insert(c, b, a);

        assertThat(query(CustomerQuery.all())).containsExactly(a, b, c);
        assertThat(query(CustomerQuery.all().withKind(PartyKind.PERSON))).containsExactly(b, c);
        assertThat(query(CustomerQuery.all().withCustomerType("direct"))).containsExactly(b);
        assertThat(query(CustomerQuery.all().withStatus("active"))).containsExactly(a, b);
        assertThat(query(CustomerQuery.all().withRegion("north"))).containsExactly(a, c);
        assertThat(query(CustomerQuery.all().withIndustry("retail"))).containsExactly(a);
        assertThat(query(CustomerQuery.all().withOwner(StaffId.of("li")))).containsExactly(a, b);
        assertThat(query(CustomerQuery.all().withTag("new"))).containsExactly(b);
        assertThat(query(CustomerQuery.all().withTag("VIP"))).isEmpty();
        assertThat(query(CustomerQuery.all().withExternalId("X1"))).containsExactly(a);
        assertThat(query(CustomerQuery.all().withRegion("north").withKind(PartyKind.PERSON)))
                .containsExactly(c);
        assertThat(query(CustomerQuery.all().withStatus("active").withTag("vip").withRegion("south")))
                .containsExactly(b);
        assertThat(count(TENANT_A, CustomerQuery.all().withTag("vip"))).isEqualTo(2);
    }

    /** The name prefix ignores case as CustomerQuery.foldCase does, on display and legal name. */
    @Test
    @DisplayName("matches a name prefix on display or legal name, ignoring case in every script")
    public void namePrefix() {
        Customer izmir = customer(CustomerDraft.organisation("İzmir Ticaret").build());
        Customer info = customer(
                CustomerDraft.organisation("INFO GmbH").legalName("Ελλάδα ΑΕ").build());
        Customer zhang = customer(CustomerDraft.person("张伟").build());
        Customer cafe = customer(CustomerDraft.person("Café").build());
        insert(izmir, info, zhang, cafe);

        assertThat(query(CustomerQuery.all().withNamePrefix("izm"))).containsExactly(izmir);
        assertThat(query(CustomerQuery.all().withNamePrefix("İZM"))).containsExactly(izmir);
        assertThat(query(CustomerQuery.all().withNamePrefix("info"))).containsExactly(info);
        assertThat(query(CustomerQuery.all().withNamePrefix("ελλ"))).containsExactly(info);
        assertThat(query(CustomerQuery.all().withNamePrefix("张"))).containsExactly(zhang);
        assertThat(query(CustomerQuery.all().withNamePrefix("CAFÉ"))).containsExactly(cafe);
        assertThat(query(CustomerQuery.all().withNamePrefix("Cafe\u0301"))).isEmpty();
        assertThat(query(CustomerQuery.all().withNamePrefix("GmbH"))).isEmpty();
        assertThat(query(CustomerQuery.all().withNamePrefix("%"))).isEmpty();
        assertThat(query(CustomerQuery.all().withNamePrefix("_"))).isEmpty();
    }

    /** Results are ordered by display name in String order (binary, case-sensitive), then id. */
    @Test
    @DisplayName("orders by display name in String order, then by id")
    public void order() {
        List<Customer> customers = new ArrayList<>();
        for (String name : List.of("b", "张伟", "B", "a", "Á", "a", "Zebra", "a")) {
            customers.add(person(name));
        }
        insert(customers.toArray(Customer[]::new));
        List<Customer> expected = customers.stream()
                .sorted(Comparator.comparing(Customer::displayName).thenComparing(c -> c.id().toString()))
                .toList();

        assertThat(query(CustomerQuery.all())).containsExactlyElementsOf(expected);
        assertThat(query(CustomerQuery.all()))
                .extracting(Customer::displayName)
                .containsExactly("B", "Zebra", "a", "a", "a", "b", "Á", "张伟");
    }

    /** Paging walks the ordered result without gaps or repeats. */
    @Test
    @DisplayName("pages through the ordered result without gaps or repeats")
    public void paging() {
        List<Customer> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(person("Customer " + i));
        }
        insert(all.toArray(Customer[]::new));

        List<Customer> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (request != null) {
            PageRequest current = request;
            Page<Customer> page = page(TENANT_A, CustomerQuery.all(), current);
            seen.addAll(page.items());
            request = page.nextRequest().orElse(null);
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(page(TENANT_A, CustomerQuery.all(), new PageRequest(7, 3)).items())
                .isEmpty();
    }

    /** Another tenant sees nothing and cannot change anything. */
    @Test
    @DisplayName("keeps tenants apart: no find, query, count, update or delete across tenants")
    public void isolation() {
        Customer c = customer(CustomerDraft.person("A").externalId("X").build());
        insert(c);

        assertThat(lookup(TENANT_B, c.id())).isEmpty();
        assertThat(page(TENANT_B, CustomerQuery.all(), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(count(TENANT_B, CustomerQuery.all())).isZero();
        Customer changed = c.revise(CustomerDraft.person("Hijacked").build(), T0);
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.customers().update(1, changed)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.customers().delete(c.id(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(find(c.id())).isEqualTo(c);
    }

    /** Work that throws leaves nothing behind. */
    @Test
    @DisplayName("rolls back every write of a unit of work that throws")
    public void rollback() {
        Customer kept = person("Kept");
        insert(kept);
        Customer added = person("Added");

        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.customers().insert(added);
                    uow.customers()
                            .update(
                                    1,
                                    kept.revise(CustomerDraft.person("Changed").build(), T0));
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(lookup(TENANT_A, added.id())).isEmpty();
        assertThat(find(kept.id())).isEqualTo(kept);
    }

    /** A unit of work sees its own writes before commit. */
    @Test
    @DisplayName("lets a unit of work read its own writes")
    public void readsOwnWrites() {
        Customer c = customer(CustomerDraft.person("Own").externalId("OWN-1").build());

        List<Object> seen = write(TENANT_A, uow -> {
            uow.customers().insert(c);
            return List.of(
                    uow.customers().find(c.id()).isPresent(),
                    uow.customers().findByExternalId("OWN-1").isPresent(),
                    uow.customers().count(CustomerQuery.all()));
        });

        assertThat(seen).containsExactly(true, true, 1L);
    }
}
