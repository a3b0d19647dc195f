/** Jakarta Batch jobs, one package per job; each job is started through {@code org.kaowu.service.BatchJobService}. */
package org.kaowu.batch;
