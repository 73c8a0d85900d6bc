/**
 * Customer service (服务): {@link dev.guanxi.crm.service.ServiceCase service cases} — complaints, requests and
 * enquiries with a severity, a status table ({@link dev.guanxi.crm.service.CaseStatus}), an SLA due instant
 * decided by a host-replaceable {@link dev.guanxi.crm.service.SlaPolicy} and an archive of every resolution
 * given — and {@link dev.guanxi.crm.service.SurveyResponse satisfaction survey responses} (CSAT 1–5, NPS
 * 0–10) kept per customer over time. The API is {@link dev.guanxi.crm.service.Service}.
 */
package dev.guanxi.crm.service;
