package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code CompetitorRepository}. STUB: to be completed by the area's work. */
public abstract class CompetitorRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected CompetitorRepositoryContract() {}
}
