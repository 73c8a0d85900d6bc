/** The scoring run behind {@link dev.guanxi.crm.classification.Scoring}. Not API. */
package dev.guanxi.crm.internal.scoring;
