package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code CompetitorDealingRepository}. STUB: to be completed by the area's work. */
public abstract class CompetitorDealingRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected CompetitorDealingRepositoryContract() {}
}
