/**
 * The implementation of {@link dev.guanxi.crm.interaction.Interactions}: interactions and follow-up tasks.
 * Not API: may change in any release.
 */
package dev.guanxi.crm.internal.interaction;
