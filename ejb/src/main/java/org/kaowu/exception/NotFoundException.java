package org.kaowu.exception;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String messageKey, java.io.Serializable... arguments) {
        super(messageKey, arguments);
    }
}
