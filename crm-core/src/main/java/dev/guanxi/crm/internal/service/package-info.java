/**
 * The implementation of {@link dev.guanxi.crm.service.Service}: service cases and satisfaction surveys. Not
 * API: may change in any release.
 */
package dev.guanxi.crm.internal.service;
