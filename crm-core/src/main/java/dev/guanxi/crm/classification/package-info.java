/**
 * Customer classification (客户分级): the 80/20 (ABC) grading into key, ordinary and small customers, the value
 * × fit selection matrix (关系客户选择矩阵), RFM scores and segments, and the {@code
 * ClassificationRule} extension point through which every rule — the built-in
 * ones and an ERP vendor's own — returns results that explain themselves ({@link
 * dev.guanxi.crm.classification.Contribution}).
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.classification;
