/** The implementation of {@link dev.guanxi.crm.analytics.Analysis}. Not API. */
package dev.guanxi.crm.internal.analytics;
