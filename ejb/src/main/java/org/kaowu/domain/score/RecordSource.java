package org.kaowu.domain.score;

import java.io.Closeable;
import java.io.IOException;

/** A format-specific stream of records; the header row is record 1. */
interface RecordSource extends Closeable {

    /** The next record, or null at the end. */
    RawRecord next() throws IOException;

    /** Discards the records up to and including {@code lineNumber} without building their cells. */
    void skipThrough(long lineNumber) throws IOException;
}
