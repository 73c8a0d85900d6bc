/** The personal-data API's implementation: export, erasure and the suppression list. */
package dev.guanxi.crm.internal.privacy;
