package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code ServiceCaseRepository}. STUB: to be completed by the area's work. */
public abstract class ServiceCaseRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected ServiceCaseRepositoryContract() {}
}
