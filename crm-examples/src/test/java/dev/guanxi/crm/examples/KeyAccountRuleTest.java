package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.test.CrmExtension;
import dev.guanxi.crm.test.CrmExtension.RecordedEvents;
import dev.guanxi.crm.test.Fixtures;
import dev.guanxi.crm.test.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// The README's "Testing your CRM rules" example, verbatim between the tags (ReadmeTest checks it).
// tag::testing[]
@ExtendWith(CrmExtension.class)
class KeyAccountRuleTest {
    @Test
    void keyAccountsKeepTheirTagWhenRenamed(TenantCrm crm, MutableClock clock, RecordedEvents events) {
        Customer c =
                crm.customers().register(Fixtures.aCustomer().tag("key-account").build());
        clock.advance(Duration.ofDays(30));

        Customer renamed = crm.customers().update(c.id(), c.version(), d -> d.displayName("艾克美 Acme Trading"));

        assertThat(renamed.updatedAt()).isEqualTo(CrmExtension.START.plus(Duration.ofDays(30)));
        assertThat(crm.customers().count(CustomerQuery.all().withTag("key-account")))
                .isEqualTo(1);
        assertThat(events.of(CustomerUpdated.class)).hasSize(1);
    }
}
// end::testing[]
