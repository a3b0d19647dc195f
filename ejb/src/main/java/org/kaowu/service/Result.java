package org.kaowu.service;

import java.io.Serializable;
import java.util.Optional;

/**
 * The answer of an operation that can be refused while still changing something that must stay changed
 * (a failed login counts towards the lockout, a wrong SMS code uses up a try). Throwing a
 * BusinessException would roll that back, so such operations return a refusal instead.
 */
public final class Result<T> {

    private final T value;
    private final String messageKey;
    private final Serializable[] arguments;

    private Result(T value, String messageKey, Serializable[] arguments) {
        this.value = value;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static <T> Result<T> ok(T value) {
        return new Result<>(value, null, new Serializable[0]);
    }

    public static <T> Result<T> refused(String messageKey, Serializable... arguments) {
        return new Result<>(null, messageKey, arguments.clone());
    }

    public boolean isOk() {
        return messageKey == null;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** Bundle key of the refusal; null when ok. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
