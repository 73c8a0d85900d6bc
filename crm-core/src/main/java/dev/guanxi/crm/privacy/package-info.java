/**
 * Personal data: the export of everything held about one person (right of access) and its erasure (right to
 * be forgotten), with a salted-hash suppression list so that a later import does not bring an erased person
 * back.
 *
 * <p><b>What is personal.</b> Of a customer: its names, contact points, contact persons, important dates, external
 * id, the sources of its consents, and every custom field whose {@linkplain
 * dev.guanxi.crm.field.FieldDefinition#personal() definition is flagged personal} (or that the CRM does not
 * define). Every free text written about the customer is treated as personal too: interaction subjects, notes,
 * outcome summaries and contact persons, task titles and notes, service case subjects, descriptions, resolutions
 * and status notes, survey comments, campaign response and target notes, opportunity names, loss reasons and
 * competitor notes, contract titles and termination reasons, invoice write-off reasons, payment references,
 * competitor dealing notes, order line descriptions, points ledger reasons, ownership reasons, lifecycle transition
 * reasons, churn notes, the reasons stored in score snapshots, and delivered domain events that mention the
 * customer.
 *
 * <p><b>What erasure keeps.</b> Every record stays, with its ids, dates, amounts, quantities, stages, statuses,
 * codes, grades and scores: counts, sums and stage statistics of a tenant are the same before and after.
 * Texts become {@value dev.guanxi.crm.privacy.PersonalData#ERASED}.
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.privacy;
