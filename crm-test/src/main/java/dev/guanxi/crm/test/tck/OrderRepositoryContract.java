package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code OrderRepository}. STUB: to be completed by the area's work. */
public abstract class OrderRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected OrderRepositoryContract() {}
}
