package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.HandoverReport;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code OwnershipRepository}: ownership ledgers round-trip exactly (owner or none, the
 * period's ends at microsecond precision, reason, who changed it) in the order they were appended, each append
 * ending the previous current line; shares round-trip, are replaced per (customer, staff), removed, listed per
 * customer by staff id and per member of staff by customer id text, one page at a time; a rollback leaves
 * nothing; tenants never see each other's ledgers or shares. Also a handover through the customer API on the
 * store under test.
 */
public abstract class OwnershipRepositoryContract extends RepositoryContract {
    /** The instant fixtures start at (microsecond precision, as every store keeps it). */
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123456Z");

    private static final StaffId ALICE = StaffId.of("alice");
    private static final StaffId BOB = StaffId.of("Bob 王");
    private static final StaffId CAROL = StaffId.of("carol");

    /** Creates the contract. */
    protected OwnershipRepositoryContract() {}

    private static CustomerId customer(String hex12) {
        return CustomerId.of(hex12.substring(0, 8) + "-0000-0000-0000-" + hex12.substring(0, 12));
    }

    private List<OwnershipRecord> history(TenantId tenant, CustomerId id) {
        return read(tenant, uow -> uow.ownership().ownershipHistory(id));
    }

    private List<CustomerShare> shares(TenantId tenant, CustomerId id) {
        return read(tenant, uow -> uow.ownership().sharesOf(id));
    }

    private List<CustomerShare> sharedWith(TenantId tenant, StaffId staff) {
        List<CustomerShare> all = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(2));
        while (next.isPresent()) {
            PageRequest request = next.get();
            Page<CustomerShare> page = read(tenant, uow -> uow.ownership().sharedWith(staff, request));
            all.addAll(page.items());
            next = page.nextRequest();
        }
        return all;
    }

    @Test
    @DisplayName("a ledger round-trips every component, each append ending the previous line where it starts")
    void ledgerRoundTrip() {
        CustomerId id = CustomerId.random();
        CustomerId other = CustomerId.random();
        Instant t1 = T0.plusSeconds(3600);
        Instant t2 = t1.plusSeconds(86_400);
        run(TENANT_A, uow -> {
            uow.ownership().appendOwnership(OwnershipRecord.open(id, null, T0, "registered", null));
            uow.ownership().appendOwnership(OwnershipRecord.open(other, CAROL, T0, "registered", null));
        });
        run(TENANT_A, uow -> uow.ownership().appendOwnership(OwnershipRecord.open(id, ALICE, t1, "分配给 alice", BOB)));
        run(
                TENANT_A,
                uow -> uow.ownership().appendOwnership(OwnershipRecord.open(id, BOB, t2, "left the company", null)));

        assertThat(history(TENANT_A, id))
                .containsExactly(
                        new OwnershipRecord(id, null, T0, t1, "registered", null),
                        new OwnershipRecord(id, ALICE, t1, t2, "分配给 alice", BOB),
                        new OwnershipRecord(id, BOB, t2, null, "left the company", null));
        assertThat(history(TENANT_A, other))
                .containsExactly(new OwnershipRecord(other, CAROL, T0, null, "registered", null));
        assertThat(history(TENANT_A, CustomerId.random())).isEmpty();
    }

    @Test
    @DisplayName("lines appended at the same instant keep the order of appending")
    void ledgerOrderAtOneInstant() {
        CustomerId id = CustomerId.random();
        List<StaffId> owners = List.of(CAROL, ALICE, BOB, ALICE);
        run(TENANT_A, uow -> {
            for (StaffId owner : owners) {
                uow.ownership().appendOwnership(OwnershipRecord.open(id, owner, T0, "same instant", null));
            }
        });
        List<OwnershipRecord> history = history(TENANT_A, id);
        assertThat(history).extracting(OwnershipRecord::owner).containsExactlyElementsOf(owners);
        assertThat(history).extracting(OwnershipRecord::to).containsExactly(T0, T0, T0, null);
    }

    @Test
    @DisplayName("appending a line that is already closed is refused")
    void appendClosed() {
        CustomerId id = CustomerId.random();
        OwnershipRecord closed = new OwnershipRecord(id, ALICE, T0, T0.plusSeconds(1), "closed", null);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.ownership().appendOwnership(closed)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(history(TENANT_A, id)).isEmpty();
    }

    @Test
    @DisplayName("a share round-trips, is replaced per customer and staff, and is removed once")
    void shares() {
        CustomerId id = CustomerId.random();
        run(TENANT_A, uow -> {
            uow.ownership().putShare(new CustomerShare(id, CAROL, ShareAccess.READ, T0, "service team"));
            uow.ownership().putShare(new CustomerShare(id, ALICE, ShareAccess.READ, T0, "holiday cover"));
        });
        CustomerShare upgraded = new CustomerShare(id, ALICE, ShareAccess.WRITE, T0.plusSeconds(60), "共同跟进");
        run(TENANT_A, uow -> uow.ownership().putShare(upgraded));
        run(TENANT_A, uow -> uow.ownership().putShare(new CustomerShare(id, BOB, ShareAccess.READ, T0, "x")));

        // Java String order: "Bob 王" < "alice" < "carol" (upper case first), whatever the database's collation.
        assertThat(shares(TENANT_A, id))
                .containsExactly(
                        new CustomerShare(id, BOB, ShareAccess.READ, T0, "x"),
                        upgraded,
                        new CustomerShare(id, CAROL, ShareAccess.READ, T0, "service team"));
        Boolean first = write(TENANT_A, uow -> uow.ownership().removeShare(id, BOB));
        Boolean again = write(TENANT_A, uow -> uow.ownership().removeShare(id, BOB));
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(shares(TENANT_A, id)).extracting(CustomerShare::staff).containsExactly(ALICE, CAROL);
    }

    @Test
    @DisplayName("the customers shared with a member of staff are listed by customer id text, page by page")
    void sharedWithOrder() {
        // ids whose first bytes would sort differently as signed numbers
        List<CustomerId> ids = List.of(
                customer("00000000000a"), customer("7fffffff0001"), customer("80000000000b"), customer("ffffffff000c"));
        run(TENANT_A, uow -> {
            for (int i = ids.size() - 1; i >= 0; i--) {
                uow.ownership().putShare(new CustomerShare(ids.get(i), ALICE, ShareAccess.READ, T0, "cover " + i));
            }
            uow.ownership().putShare(new CustomerShare(ids.get(0), CAROL, ShareAccess.READ, T0, "not alice"));
        });
        assertThat(sharedWith(TENANT_A, ALICE))
                .extracting(CustomerShare::customerId)
                .containsExactlyElementsOf(ids);
        assertThat(sharedWith(TENANT_A, CAROL))
                .extracting(CustomerShare::customerId)
                .containsExactly(ids.get(0));
        assertThat(sharedWith(TENANT_A, BOB)).isEmpty();
    }

    @Test
    @DisplayName("a rolled-back unit of work leaves no ledger line, no share and no removal")
    void rollback() {
        CustomerId id = CustomerId.random();
        CustomerShare kept = new CustomerShare(id, CAROL, ShareAccess.READ, T0, "kept");
        run(TENANT_A, uow -> {
            uow.ownership().appendOwnership(OwnershipRecord.open(id, ALICE, T0, "registered", null));
            uow.ownership().putShare(kept);
        });
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.ownership().appendOwnership(OwnershipRecord.open(id, BOB, T0.plusSeconds(5), "moved", null));
                    uow.ownership().putShare(new CustomerShare(id, ALICE, ShareAccess.WRITE, T0, "new"));
                    uow.ownership().removeShare(id, CAROL);
                    assertThat(uow.ownership().ownershipHistory(id)).hasSize(2);
                    throw new IllegalStateException("crash after the handover");
                }))
                .hasMessageContaining("crash");
        assertThat(history(TENANT_A, id)).containsExactly(OwnershipRecord.open(id, ALICE, T0, "registered", null));
        assertThat(shares(TENANT_A, id)).containsExactly(kept);
    }

    @Test
    @DisplayName("tenants never see each other's ledgers or shares, even for the same customer id")
    void tenantIsolation() {
        CustomerId id = CustomerId.random();
        run(TENANT_A, uow -> {
            uow.ownership().appendOwnership(OwnershipRecord.open(id, ALICE, T0, "a", null));
            uow.ownership().putShare(new CustomerShare(id, CAROL, ShareAccess.READ, T0, "a"));
        });
        assertThat(history(TENANT_B, id)).isEmpty();
        assertThat(shares(TENANT_B, id)).isEmpty();
        assertThat(sharedWith(TENANT_B, CAROL)).isEmpty();
        Boolean removed = write(TENANT_B, uow -> uow.ownership().removeShare(id, CAROL));
        assertThat(removed).isFalse();

        run(TENANT_B, uow -> {
            uow.ownership().appendOwnership(OwnershipRecord.open(id, BOB, T0.plusSeconds(1), "b", null));
            uow.ownership().putShare(new CustomerShare(id, CAROL, ShareAccess.WRITE, T0, "b"));
        });
        assertThat(history(TENANT_A, id)).containsExactly(OwnershipRecord.open(id, ALICE, T0, "a", null));
        assertThat(history(TENANT_B, id)).containsExactly(OwnershipRecord.open(id, BOB, T0.plusSeconds(1), "b", null));
        assertThat(shares(TENANT_A, id)).extracting(CustomerShare::access).containsExactly(ShareAccess.READ);
        assertThat(shares(TENANT_B, id)).extracting(CustomerShare::access).containsExactly(ShareAccess.WRITE);
    }

    @Test
    @DisplayName("a handover through the customer API moves the owner's customers and extends their ledgers")
    void handoverThroughTheApi() {
        Crm crm = Crm.builder().storage(storage()).build();
        TenantCrm tenant = crm.tenant(TENANT_A);
        Customer a = tenant.customers()
                .register(CustomerDraft.organisation("A").owner(ALICE).build());
        Customer b = tenant.customers()
                .register(CustomerDraft.organisation("B").owner(ALICE).build());
        Customer c = tenant.customers()
                .register(CustomerDraft.organisation("C").owner(CAROL).build());
        tenant.customers().share(a.id(), BOB, ShareAccess.READ, "assistant");

        HandoverReport report = tenant.customers().handOver(ALICE, BOB, "left the company");

        assertThat(report.customers()).containsExactly(a.id(), b.id());
        assertThat(tenant.customers().get(a.id()).owner()).isEqualTo(BOB);
        assertThat(tenant.customers().get(c.id()).owner()).isEqualTo(CAROL);
        List<OwnershipRecord> history = tenant.customers().ownershipHistory(b.id());
        assertThat(history).extracting(OwnershipRecord::owner).containsExactly(ALICE, BOB);
        assertThat(history.get(1).reason()).isEqualTo("left the company");
        assertThat(history.get(0).to()).isEqualTo(history.get(1).from());
        assertThat(tenant.customers().shares(a.id())).isEmpty();
    }
}
