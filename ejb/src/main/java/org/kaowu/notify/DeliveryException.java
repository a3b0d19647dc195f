package org.kaowu.notify;

/**
 * A message could not be handed over (gateway refused it, server unreachable, timeout). Checked, so every
 * sender's caller has to decide what a failure means; the outbox records it and tries again later. The
 * message text ends up in the outbox row's last_error, so it must never contain a secret.
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What to store as the reason of a failed attempt: the message, plus the innermost cause (the one that
     * usually names the real problem, such as "Connection refused").
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        text.append(failure instanceof DeliveryException ? "" : failure.getClass().getSimpleName() + ": ")
                .append(failure.getMessage());
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            text.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
        }
        return text.toString();
    }
}
