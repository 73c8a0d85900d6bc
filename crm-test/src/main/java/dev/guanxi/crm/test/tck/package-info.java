/**
 * The storage conformance kit: {@link dev.guanxi.crm.test.tck.StorageConformanceKit}, an abstract JUnit 5
 * class with one nested group of contract tests per repository, which every storage adapter's test
 * subclasses.
 */
package dev.guanxi.crm.test.tck;
