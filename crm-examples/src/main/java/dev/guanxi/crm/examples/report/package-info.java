/**
 * The HTML report: one self-contained file (inline CSS, charts as inline SVG, no network access needed) that
 * shows what a scoring run found — the Pareto curve of customer value with the 80/20 cut-offs, the RFM segment
 * map, the lifecycle funnel and stage flow, P(alive) and CLV distributions, credit grades, the win-back list and
 * statistics by region and owner — everything read through the SDK's API. Start with {@link
 * dev.guanxi.crm.examples.report.HtmlReport}.
 */
package dev.guanxi.crm.examples.report;
