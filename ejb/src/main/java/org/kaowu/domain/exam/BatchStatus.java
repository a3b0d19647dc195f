package org.kaowu.domain.exam;

/** Life of an exam batch: prepared, open to candidates, closed, then archived. */
public enum BatchStatus {
    DRAFT, OPEN, CLOSED, ARCHIVED
}
