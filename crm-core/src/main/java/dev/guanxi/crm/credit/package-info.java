/**
 * Credit (信用等级) and arrears (欠费风险): a credit grade from payment history, the collection policy that maps
 * each grade to actions, and the arrears early warning that flags a customer before an invoice is overdue.
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.credit;
