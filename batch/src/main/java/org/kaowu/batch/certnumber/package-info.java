/**
 * 证书编号: the {@code certificateNumbering} job. The mapper gives one partition per position of the run's batch
 * (two threads); each partition is one (position, year) sequence, so every sequence has exactly one writer in
 * the job. The reader loads the position's passers still without a number, in ticket-number order, when the
 * partition opens (also on restart: they are re-queried, never resumed from an offset); the writer numbers a chunk
 * through {@link org.kaowu.service.CertificateNumberingService#numberChunk}, which reads the sequence's highest
 * number from the certificates table inside the chunk transaction. The checkpoint is informational only.
 */
package org.kaowu.batch.certnumber;
