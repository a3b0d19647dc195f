/**
 * Notifications (短信/邮件记录): the transactional outbox every SMS and e-mail goes through, the rules for
 * recipients and the retry schedule. Sending itself lives in {@code org.kaowu.notify}.
 */
package org.kaowu.domain.notification;
