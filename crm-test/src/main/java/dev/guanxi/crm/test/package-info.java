/**
 * What host applications use in their own tests: {@link dev.guanxi.crm.test.MutableClock}, the JUnit 5
 * extension {@link dev.guanxi.crm.test.CrmExtension} that gives each test a fresh in-memory {@code Crm}, and
 * fixture builders ({@link dev.guanxi.crm.test.Fixtures}).
 */
package dev.guanxi.crm.test;
