package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code CustomerRepository}. STUB: to be completed by the area's work. */
public abstract class CustomerRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected CustomerRepositoryContract() {}
}
