package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code PaymentRepository}. STUB: to be completed by the area's work. */
public abstract class PaymentRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected PaymentRepositoryContract() {}
}
