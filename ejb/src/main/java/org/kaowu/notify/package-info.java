/**
 * Sending: the SMS senders (dev, HTTP gateway) and the mail sender behind the one outbox, and the dispatcher
 * that drains the outbox. Nothing here is called by business code directly: services write to the outbox
 * through {@link org.kaowu.service.NotificationService}, inside their own transaction.
 */
package org.kaowu.notify;
