/**
 * The {@code scoreImport} job (成绩导入): step {@code checkFile} reads the whole file once and fails the job on a
 * file-level problem before anything is stored; step {@code importScores} is a chunk of 1000 lines — the reader
 * validates a block of lines with one ticket query (the next block on a thread of its own while the current chunk
 * is written), the processor turns each line into a score row or a rejected
 * line (with 合格/不合格), the writer upserts the chunk and records the rejected lines and the figures in the
 * chunk's transaction. Checkpoint: the number of the last line handed out.
 */
package org.kaowu.batch.scoreimport;
