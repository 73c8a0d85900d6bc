/**
 * The in-memory reference store: {@link dev.guanxi.crm.storage.memory.InMemoryStorage}. It is the default
 * when {@code Crm.builder()} is given no storage, the store host applications' unit tests run on, and the
 * reference every other adapter's conformance tests are compared with.
 */
package dev.guanxi.crm.storage.memory;
