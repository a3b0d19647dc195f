/** MicroProfile Health checks, reported by Payara at {@code /health}. */
package org.kaowu.web.health;
