/**
 * Competitors (竞争对手): their basic data, strengths and weaknesses, {@link
 * dev.guanxi.crm.competitor.CompetitorProduct products} and {@link dev.guanxi.crm.competitor.CompetitorContact
 * key people}, and their {@link dev.guanxi.crm.competitor.CompetitorDealing dealings} with our customers,
 * whose {@link dev.guanxi.crm.competitor.DealingKind kind} changes by one table. The API is {@link
 * dev.guanxi.crm.competitor.Competitors}.
 */
package dev.guanxi.crm.competitor;
