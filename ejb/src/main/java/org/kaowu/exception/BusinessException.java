package org.kaowu.exception;

import jakarta.ejb.ApplicationException;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A rule of the product was broken by the caller's input. Carries a resource-bundle key (never a raw
 * sentence) and its arguments; the web layer turns it into a message in the user's language. Rolls the
 * transaction back so that bad input changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final Serializable[] arguments;

    public BusinessException(String messageKey, Serializable... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments.clone();
    }
}
