/**
 * Custom fields: data a host application adds to customers without changing the SDK.
 *
 * <p>A field is named by a typed {@link dev.guanxi.crm.field.FieldKey} ({@code namespace.name}, e.g. {@code
 * erp.customer_group}) and declared once, with its {@link dev.guanxi.crm.field.FieldType type} and
 * constraints, by a {@link dev.guanxi.crm.field.FieldDefinition} registered on {@code
 * Crm.builder().customField(...)}. A customer carries its values in an immutable {@link
 * dev.guanxi.crm.field.CustomFields}; every write checks them against the definitions: an undefined field,
 * a value of the wrong type, a broken constraint or a missing required field is a {@link
 * dev.guanxi.crm.ValidationException} on the path {@code customFields.<namespace.name>}, and nothing is
 * stored.
 *
 * <pre>{@code
 * FieldDefinition<String> group = FieldDefinition.string("erp", "customer_group").maxLength(20).required();
 * Crm crm = Crm.builder().customField(group).build();
 * crm.tenant("acme").customers().register(CustomerDraft.organisation("华为")
 *         .customField(group.key(), "A-key")
 *         .build());
 * }</pre>
 *
 * <p>Everything in this package is immutable and thread-safe.
 */
package dev.guanxi.crm.field;
