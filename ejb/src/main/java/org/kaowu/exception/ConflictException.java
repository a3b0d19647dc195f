package org.kaowu.exception;

/** Someone else changed the record since this user loaded it (optimistic locking): reload and try again. */
public class ConflictException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConflictException() {
        super("admin.conflict");
    }
}
