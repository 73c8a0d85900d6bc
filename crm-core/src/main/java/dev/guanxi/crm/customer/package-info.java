/**
 * The customer archive (客户档案): one {@link dev.guanxi.crm.customer.Customer} per person or organisation,
 * shared by every department and channel.
 *
 * <p>A customer has names in any script, {@link dev.guanxi.crm.customer.ContactPoint contact points} with
 * purpose and validity, {@link dev.guanxi.crm.customer.ContactPerson contact persons} (organisations only),
 * codes from the tenant's {@link dev.guanxi.crm.customer.ReferenceCodes code tables} (customer type, status,
 * region, industry), tags, {@link dev.guanxi.crm.customer.Preferences preferences} with the contact consent
 * marketing must respect, {@link dev.guanxi.crm.customer.ImportantDate important dates}, an external id for
 * ERP synchronisation, an owner, a credit limit and {@linkplain dev.guanxi.crm.field custom fields}.
 *
 * <p>Hosts work through {@link dev.guanxi.crm.customer.Customers} ({@code crm.tenant(id).customers()}):
 * {@code register} a {@link dev.guanxi.crm.customer.CustomerDraft}, {@code update} by id and version with a
 * change to a draft builder, {@code find}, {@code query} with a {@link dev.guanxi.crm.customer.CustomerQuery}.
 * Ids, versions and timestamps are set by the CRM only.
 *
 * <pre>{@code
 * Customers customers = crm.tenant("acme").customers();
 * Customer c = customers.register(CustomerDraft.organisation("北京华联商贸有限公司")
 *         .email("buyer@hualian.example", ContactPurpose.WORK)
 *         .contactPerson(ContactPerson.of("王芳", "采购经理"))
 *         .region("north")
 *         .tag("vip")
 *         .externalId("ERP-10042")
 *         .build());
 * c = customers.update(c.id(), c.version(), b -> b.creditLimit("50000.00", "CNY"));
 * }</pre>
 *
 * <p>Knowledge of a customer stays with the company (客户共享和移交): every owner it has is kept in its ownership
 * ledger ({@link dev.guanxi.crm.customer.OwnershipRecord}: owner, from, to, reason), it can be shared with
 * colleagues ({@link dev.guanxi.crm.customer.CustomerShare}, {@link dev.guanxi.crm.customer.ShareAccess}), and all
 * customers of one member of staff are handed over to another in one atomic {@code handOver} ({@link
 * dev.guanxi.crm.customer.HandoverReport}).
 *
 * <p>Every type in this package is immutable and thread-safe, except the draft builder.
 */
package dev.guanxi.crm.customer;
