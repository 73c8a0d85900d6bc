package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;

/**
 * The four choices of the relationship-customer selection matrix (关系客户选择矩阵): customer value × the
 * company's fit to serve that customer.
 */
@Beta
public enum MatrixQuadrant {
    /** High value, high fit: choose with priority (重点选择). */
    FOCUS,
    /** High value, low fit: choose when the chance arises (择机选择), improve the fit first. */
    OPPORTUNISTIC,
    /** Low value, high fit: serve passively (消极选择), at low cost. */
    PASSIVE,
    /** Low value, low fit: let go (放弃选择). */
    ABANDON;

    /**
     * @param highValue whether the customer's value is high
     * @param highFit whether the fit is high
     * @return the quadrant
     */
    public static MatrixQuadrant of(boolean highValue, boolean highFit) {
        if (highValue) {
            return highFit ? FOCUS : OPPORTUNISTIC;
        }
        return highFit ? PASSIVE : ABANDON;
    }
}
