/**
 * Runnable examples and the {@code crm} command: {@link dev.guanxi.crm.examples.Quickstart} (the README's
 * quickstart), {@link dev.guanxi.crm.examples.Demo} (the demo on real purchase history) and {@link
 * dev.guanxi.crm.examples.CrmCommand} (the command-line entry point started by {@code ./crm}).
 */
package dev.guanxi.crm.examples;
