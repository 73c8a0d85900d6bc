/**
 * The contact layer (接触层): {@link dev.guanxi.crm.interaction.Interaction interactions} with customers on
 * every {@link dev.guanxi.crm.Channel channel} (face to face, sales visit, phone, call centre, e-mail, fax,
 * web, SMS, social), inbound or outbound, and the follow-up {@link dev.guanxi.crm.interaction.Task tasks}
 * that make up a salesperson's to-do list. The API is {@link dev.guanxi.crm.interaction.Interactions}; the
 * commands a host fills in are {@link dev.guanxi.crm.interaction.NewInteraction} and {@link
 * dev.guanxi.crm.interaction.NewTask}.
 */
package dev.guanxi.crm.interaction;
