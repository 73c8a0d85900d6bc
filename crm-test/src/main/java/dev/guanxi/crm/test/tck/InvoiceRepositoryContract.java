package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code InvoiceRepository}. STUB: to be completed by the area's work. */
public abstract class InvoiceRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected InvoiceRepositoryContract() {}
}
