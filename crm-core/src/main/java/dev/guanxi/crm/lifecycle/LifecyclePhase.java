package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;

/**
 * The three phases of a customer relationship: building it, keeping it, and winning it back. Each {@link
 * LifecycleStage} belongs to exactly one phase.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum LifecyclePhase {
    /** Acquire (客户关系的建立): choosing and developing prospects up to the first purchase. */
    ACQUIRE,
    /** Maintain (客户关系的维护): grading, communication, satisfaction and loyalty of buying customers. */
    MAINTAIN,
    /** Recover (客户关系的恢复): detecting churn early and winning lost customers back. */
    RECOVER
}
