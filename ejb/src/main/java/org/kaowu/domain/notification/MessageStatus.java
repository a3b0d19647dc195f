package org.kaowu.domain.notification;

/**
 * Life of an outbox message: waiting to be (re)tried, handed over to the gateway or mail server, or given up
 * after {@link RetryPolicy#maxAttempts()} failed attempts.
 */
public enum MessageStatus {
    PENDING, SENT, FAILED
}
