/** Implementation of the sales API ({@link dev.guanxi.crm.sales.Sales}); not API. */
package dev.guanxi.crm.internal.sales;
