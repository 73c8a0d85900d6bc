/**
 * Record-level access: who makes a call ({@link dev.guanxi.crm.access.Principal}, bound with {@code
 * crm.tenant(id).as(principal)}) and what they may see and change, decided record by record by an {@link
 * dev.guanxi.crm.access.AccessPolicy} set on the builder: the default own / team / all model ({@link
 * dev.guanxi.crm.access.AccessPolicy#ownTeamAll}, by {@link dev.guanxi.crm.access.RoleAccess} per role, with teams
 * from the host's {@link dev.guanxi.crm.access.TeamDirectory} and the customers' shares), or the host's own.
 * Denials are {@link dev.guanxi.crm.AccessDeniedException}s, raised before anything is written.
 *
 * <p>Everything here is immutable and thread-safe; policies and directories must be thread-safe.
 */
package dev.guanxi.crm.access;
