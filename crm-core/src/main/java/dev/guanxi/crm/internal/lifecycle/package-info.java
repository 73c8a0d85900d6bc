/** The implementation of {@link dev.guanxi.crm.lifecycle.Lifecycle}. Not part of the API. */
package dev.guanxi.crm.internal.lifecycle;
