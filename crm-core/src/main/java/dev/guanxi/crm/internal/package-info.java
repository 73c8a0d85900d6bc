/** Implementation details shared by the SDK's packages. Not API: may change in any release. */
package dev.guanxi.crm.internal;
