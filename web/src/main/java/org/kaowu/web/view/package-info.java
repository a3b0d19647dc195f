/**
 * Backing beans, one per page, named after the view path they serve ({@code /index.xhtml} ↔
 * {@code HomeBacking}). They call services only, never an EntityManager.
 */
package org.kaowu.web.view;
