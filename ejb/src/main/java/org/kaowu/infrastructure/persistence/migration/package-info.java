/**
 * Flyway migrations that SQL cannot write portably (named in {@code SchemaMigrator}, not scanned); the rest are
 * {@code db/migration/V*.sql}. A class here takes the next version number like any SQL file.
 */
package org.kaowu.infrastructure.persistence.migration;
