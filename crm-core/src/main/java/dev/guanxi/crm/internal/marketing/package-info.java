/** The implementation of {@link dev.guanxi.crm.marketing.Marketing}. Not API: may change in any release. */
package dev.guanxi.crm.internal.marketing;
