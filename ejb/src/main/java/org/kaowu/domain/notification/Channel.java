package org.kaowu.domain.notification;

/** How a message reaches its recipient: 短信 (SMS to a mainland mobile number) or 邮件 (e-mail). */
public enum Channel {
    SMS, EMAIL
}
