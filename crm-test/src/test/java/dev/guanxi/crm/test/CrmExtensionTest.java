package dev.guanxi.crm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.event.CustomerRegistered;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.test.CrmExtension.RecordedEvents;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CrmExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("CrmExtension")
class CrmExtensionTest {
    private Crm crmBeforeEach;
    private MutableClock clockBeforeEach;
    private RecordedEvents eventsBeforeEach;

    @BeforeEach
    void capture(Crm crm, MutableClock clock, RecordedEvents events) {
        crmBeforeEach = crm;
        clockBeforeEach = clock;
        eventsBeforeEach = events;
    }

    private static long customers(TenantCrm crm) {
        return crm.customers().count(CustomerQuery.all());
    }

    @Test
    @Order(1)
    @DisplayName("injects a CRM, the tenant's view, a clock at START and an empty event record")
    void injectsParameters(Crm crm, TenantCrm tenant, MutableClock clock, RecordedEvents events) {
        assertThat(crm).isNotNull();
        assertThat(tenant.tenant()).isEqualTo(CrmExtension.TENANT);
        assertThat(clock.instant()).isEqualTo(CrmExtension.START);
        assertThat(crm.clock()).isSameAs(clock);
        assertThat(events.all()).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("gives @BeforeEach methods and the test the same instances, and the TenantCrm works on that CRM")
    void sameInstancesWithinATest(Crm crm, TenantCrm tenant, MutableClock clock, RecordedEvents events) {
        assertThat(crm).isSameAs(crmBeforeEach);
        assertThat(clock).isSameAs(clockBeforeEach);
        assertThat(events).isSameAs(eventsBeforeEach);

        Customer registered =
                tenant.customers().register(CustomerDraft.person("Shared").build());

        assertThat(crm.tenant(CrmExtension.TENANT).customers().find(registered.id()))
                .contains(registered);
        assertThat(events.of(CustomerRegistered.class)).hasSize(1);
    }

    @Test
    @Order(3)
    @DisplayName("gives each test a fresh CRM: the first of two tests starts empty and leaves a customer behind")
    void freshCrmFirst(TenantCrm tenant, MutableClock clock, RecordedEvents events) {
        assertThat(customers(tenant)).isZero();
        assertThat(clock.instant()).isEqualTo(CrmExtension.START);
        assertThat(events.all()).isEmpty();

        tenant.customers().register(CustomerDraft.person("Left behind").build());
        clock.advance(Duration.ofDays(365));

        assertThat(customers(tenant)).isEqualTo(1);
    }

    @Test
    @Order(4)
    @DisplayName("gives each test a fresh CRM: the second test sees no customer, no event and the clock at START")
    void freshCrmSecond(TenantCrm tenant, MutableClock clock, RecordedEvents events) {
        assertThat(customers(tenant)).isZero();
        assertThat(clock.instant()).isEqualTo(CrmExtension.START);
        assertThat(events.all()).isEmpty();

        tenant.customers().register(CustomerDraft.person("Left behind").build());

        assertThat(customers(tenant)).isEqualTo(1);
    }

    @Test
    @Order(5)
    @DisplayName("the CRM stamps createdAt and updatedAt from the MutableClock as it moves")
    void crmUsesTheClock(TenantCrm tenant, MutableClock clock) {
        Customer first =
                tenant.customers().register(CustomerDraft.person("First").build());
        Instant later = clock.advance(Duration.ofHours(2));
        Customer second =
                tenant.customers().register(CustomerDraft.person("Second").build());
        clock.set(Instant.parse("2026-03-01T12:00:00Z"));
        Customer updated = tenant.customers().update(first.id(), first.version(), b -> b.tag("vip"));

        assertThat(first.createdAt()).isEqualTo(CrmExtension.START);
        assertThat(second.createdAt()).isEqualTo(later).isEqualTo(CrmExtension.START.plus(Duration.ofHours(2)));
        assertThat(updated.createdAt()).isEqualTo(CrmExtension.START);
        assertThat(updated.updatedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    @Order(6)
    @DisplayName("RecordedEvents records delivered events in order, by type, and forgets them on clear()")
    void recordsEvents(TenantCrm tenant, MutableClock clock, RecordedEvents events) {
        Customer c = tenant.customers().register(CustomerDraft.person("Evented").build());
        clock.advance(Duration.ofMinutes(5));
        tenant.customers().update(c.id(), c.version(), b -> b.displayName("Renamed"));

        assertThat(events.all()).hasSize(2);
        assertThat(events.all().get(0)).isInstanceOf(CustomerRegistered.class);
        assertThat(events.of(CustomerRegistered.class)).singleElement().satisfies(e -> {
            assertThat(e.customer()).isEqualTo(c);
            assertThat(e.metadata().tenant()).isEqualTo(CrmExtension.TENANT);
            assertThat(e.metadata().occurredAt()).isEqualTo(CrmExtension.START);
        });
        assertThat(events.of(CustomerUpdated.class))
                .singleElement()
                .satisfies(e -> assertThat(e.metadata().occurredAt())
                        .isEqualTo(CrmExtension.START.plus(Duration.ofMinutes(5))));

        events.clear();

        assertThat(events.all()).isEmpty();
        tenant.customers().register(CustomerDraft.person("After clear").build());
        assertThat(events.of(CustomerRegistered.class)).hasSize(1);
    }

    @Test
    @Order(7)
    @DisplayName("records no event for a write the CRM refused")
    void noEventsForRefusedWrites(TenantCrm tenant, RecordedEvents events) {
        tenant.customers()
                .register(CustomerDraft.person("Holder").externalId("ERP-1").build());
        events.clear();

        assertThatThrownBy(() -> tenant.customers()
                        .register(CustomerDraft.person("Clash")
                                .externalId("ERP-1")
                                .build()))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(events.all()).isEmpty();
        assertThat(customers(tenant)).isEqualTo(1);
    }
}
