/**
 * Job {@code ping}: the smallest job that proves the batch wiring (job XML found, artifacts resolved by
 * CDI, job repository on the application database, ejb services callable from a step).
 */
package org.kaowu.batch.ping;
