/** The implementation of {@link dev.guanxi.crm.competitor.Competitors}. Not API: may change in any release. */
package dev.guanxi.crm.internal.competitor;
