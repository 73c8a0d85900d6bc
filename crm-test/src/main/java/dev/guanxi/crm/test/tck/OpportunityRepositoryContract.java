package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code OpportunityRepository}. STUB: to be completed by the area's work. */
public abstract class OpportunityRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected OpportunityRepositoryContract() {}
}
