package dev.guanxi.crm.stewardship;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerQuery;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Imports neither resurrect an erased person nor re-create a merged customer")
class ImportGuardsTest {
    private final Crm crm = Crm.builder().build();
    private final TenantCrm acme = crm.tenant("acme");

    private static ImportedCustomer person(String name, String email, String externalId) {
        return new ImportedCustomer(CustomerDraft.person(name)
                .contactPoint(ContactPoint.email(email, ContactPurpose.WORK))
                .externalId(externalId)
                .build());
    }

    private long customers() {
        return acme.customers().count(CustomerQuery.all());
    }

    @Test
    @DisplayName("P2: a row naming an erased person (same e-mail in another case, new external id) is a row error")
    void erasedPersonIsNotResurrected() {
        Customer erased = acme.customers()
                .register(CustomerDraft.person("Wang Fang")
                        .contactPoint(ContactPoint.email("wang.fang@example.com", ContactPurpose.WORK))
                        .externalId("ERP-1")
                        .build());
        acme.personalData().erase(erased.id(), "request 7");
        long before = customers();

        ImportResult result = acme.imports()
                .importRecords(
                        ImportKind.CUSTOMERS,
                        List.of(
                                person("W. Fang", "Wang.Fang@Example.com", "ERP-9"),
                                person("Li Lei", "li.lei@example.com", "ERP-2")),
                        "crm-export",
                        ImportOptions.defaults());

        assertThat(result.counts().created()).isEqualTo(1);
        assertThat(result.counts().failed()).isEqualTo(1);
        RowError error = result.errors().get(0);
        assertThat(error.row()).isEqualTo(1);
        assertThat(error.rule()).isEqualTo(ValidationRule.INVALID_STATE);
        assertThat(error.message()).contains("erased").doesNotContain("wang", "Wang");
        assertThat(customers()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("a row whose external id belongs to a merged-away customer is a row error, not a new customer")
    void mergedCustomerIsNotRecreated() {
        Customer survivor = acme.customers()
                .register(CustomerDraft.person("Wang Fang").externalId("A").build());
        Customer loser = acme.customers()
                .register(CustomerDraft.person("Wang Fang").externalId("B").build());
        acme.stewardship().merge(acme.stewardship().planMerge(survivor.id(), loser.id(), MergeOptions.defaults()));
        long before = customers();

        ImportResult result = acme.imports()
                .importRecords(
                        ImportKind.CUSTOMERS,
                        List.of(new ImportedCustomer(CustomerDraft.person("Wang Fang")
                                .externalId("B")
                                .build())),
                        "again",
                        ImportOptions.defaults());

        assertThat(result.counts().failed()).isEqualTo(1);
        assertThat(result.errors().get(0).field()).isEqualTo("externalId");
        assertThat(result.errors().get(0).message()).contains(survivor.id().toString());
        assertThat(customers()).isEqualTo(before);
    }
}
