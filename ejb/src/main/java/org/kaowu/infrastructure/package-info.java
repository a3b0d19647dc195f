/** Technical plumbing the domain and services rely on: clock, persistence helpers. */
package org.kaowu.infrastructure;
